// Loaded first in <body>, before anything is drawn: the NHS.UK frontend styles components for script-enabled
// browsers by these classes. A file, not an inline script, so the Content-Security-Policy needs no 'unsafe-inline'.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
