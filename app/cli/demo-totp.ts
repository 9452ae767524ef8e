// `npm run demo:totp -- <login id>`: the current TOTP code of a demo account (their secrets are
// published in the README), so a tester can sign in as an officer, designer or administrator.
import { demoAccounts, getDemoAccount } from "../demo/demo-accounts.server";
import { currentTotpCode } from "../identity/security/totp.server";

const loginId = process.argv[2];
const account = loginId ? getDemoAccount(loginId) : undefined;
if (!account?.totpSecret) {
  console.error(`usage: npm run demo:totp -- <login id>, one of: ${demoAccounts.filter((a) => a.totpSecret).map((a) => a.loginId).join(", ")}`);
  process.exit(1);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${await currentTotpCode(account.totpSecret)}  (${account.loginId}, valid for ${secondsLeft} more seconds)`);
