// A real OpenID Connect provider (the npm package oidc-provider) for the web app's sign-in tests.
// Configuration comes as one JSON file named by the first argument:
//   { "issuerHost": "localhost", "client": { "id", "secret", "redirectUri", "postLogoutRedirectUri" },
//     "accounts": { "<login>": { "sub", "oid", "email", "email_verified", "groups": [...], "roles": [...] } } }
// It listens on a free port of 127.0.0.1 and prints one line, "listening <issuer>", once it answers.
// Sign-in uses the package's own development interaction pages: any password, the login name picks the account.
// It exits when its standard input closes, so it cannot outlive the test run that started it.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://${settings.issuerHost ?? '127.0.0.1'}:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: settings.client.id,
    client_secret: settings.client.secret,
    redirect_uris: [settings.client.redirectUri],
    post_logout_redirect_uris: settings.client.postLogoutRedirectUri ? [settings.client.postLogoutRedirectUri] : [],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  // Claims go in the ID token itself, as Entra ID sends oid, groups and roles.
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['oid', 'groups', 'roles', 'name'],
  },
  async findAccount(_ctx, id) {
    const account = settings.accounts[id];
    if (!account) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return { sub: account.sub ?? id, ...account };
      },
    };
  },
  cookies: { keys: ['justculture-test-provider-cookie-key'] },
});
// The app and the browser talk plain HTTP to the loopback address.
provider.proxy = false;
server.on('request', provider.callback());
console.log(`listening ${issuer}`);
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
