# Adds sign-in rows (as ASP.NET Identity writes them: V3 password hash, PBKDF2-HMAC-SHA512, 100,000 iterations)
# for lm1 and adm1, password JustCulture-fixture-1, plus one claim, one external login and one token.
import base64, hashlib, os, struct, sys, uuid
def v3(password):
    salt = os.urandom(16)
    sub = hashlib.pbkdf2_hmac('sha512', password.encode(), salt, 100000, 32)
    return base64.b64encode(b'\x01' + struct.pack('>III', 2, 100000, 16) + salt + sub).decode()
rows = []
for uid in ['lm1', 'adm1']:
    rows.append(f"INSERT INTO identity_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count) VALUES ('{uid}', '{uid}', '{uid.upper()}', '{uid}@trust.example', '{uid.upper()}@TRUST.EXAMPLE', TRUE, '{v3('JustCulture-fixture-1')}', '{uuid.uuid4().hex.upper()}', '{uuid.uuid4()}', NULL, FALSE, FALSE, NULL, TRUE, {1 if uid == 'lm1' else 0});")
rows.append("INSERT INTO identity_user_claims (user_id, claim_type, claim_value) VALUES ('adm1', 'fixture', 'kept through the upgrade');")
rows.append("INSERT INTO identity_user_logins (login_provider, provider_key, provider_display_name, user_id) VALUES ('Fixture', 'subject-lm1', 'Fixture provider', 'lm1');")
rows.append("INSERT INTO identity_user_tokens (user_id, login_provider, name, value) VALUES ('lm1', '[AspNetUserStore]', 'AuthenticatorKey', 'FIXTUREKEY');")
sql = "\n".join(rows)
if sys.argv[1] == 'sqlite':
    sql = sql.replace('TRUE', '1').replace('FALSE', '0')
print(sql)
