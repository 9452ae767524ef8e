// Passkeys (WebAuthn) with @simplewebauthn/server: registering one from the account page and signing in
// with it. A passkey is bound to this portal's origin, so it cannot be phished or replayed elsewhere.
import { createHmac, randomBytes } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { Tx } from "../../../db/client.server";
import { createAuthChallenge, createPasskey, getPasskey, listPasskeys, takeAuthChallenge, updatePasskeyUse } from "../../../db/queries/passkeys";
import type { User } from "../../../db/queries/users";
import { logger } from "../../platform/logger.server";
import { getSecrets } from "../../platform/secrets.server";
import { publicOrigin } from "./request.server";

const CHALLENGE_MS = 5 * 60_000;
const RP_NAME = "Madoguchi";

function relyingParty(request: Request) {
  const origin = publicOrigin(request);
  return { origin, rpID: new URL(origin).hostname };
}

/** A stable, opaque WebAuthn user handle: the account id is not given to the authenticator. */
function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return toBytes(createHmac("sha256", getSecrets().sessionSecret).update(`webauthn|${userId}`).digest());
}

function storeChallenge(tx: Tx, purpose: "passkey-registration" | "passkey-sign-in", challenge: string, userId: string | null) {
  const id = randomBytes(18).toString("base64url");
  createAuthChallenge(tx, { id, purpose, challenge, userId, expiresAt: new Date(Date.now() + CHALLENGE_MS).toISOString() });
  return id;
}

export async function passkeyRegistrationOptions(tx: Tx, request: Request, user: User) {
  const { rpID } = relyingParty(request);
  const existing = listPasskeys(tx, { userId: user.id });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userID: userHandle(user.id),
    userName: user.loginId,
    userDisplayName: user.displayName,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: JSON.parse(p.transports) as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  return { options, challengeId: storeChallenge(tx, "passkey-registration", options.challenge, user.id) };
}

/** Verifies a new passkey against its single-use challenge (same user, same origin) and stores it. */
export async function registerPasskey(tx: Tx, request: Request, user: User, { challengeId, response }: { challengeId: string; response: RegistrationResponseJSON }) {
  const challenge = takeAuthChallenge(tx, { id: challengeId, purpose: "passkey-registration", now: new Date().toISOString() });
  if (!challenge || challenge.userId !== user.id) return null;
  const { origin, rpID } = relyingParty(request);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
    if (!result.verified) return null;
    const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
    return createPasskey(tx, {
      id: credential.id,
      userId: user.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: JSON.stringify(credential.transports ?? []),
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      createdAt: new Date().toISOString(),
    });
  } catch (error) {
    logger.warn("passkey registration refused", { error });
    return null;
  }
}

export async function passkeySignInOptions(tx: Tx, request: Request) {
  const { rpID } = relyingParty(request);
  // No allowCredentials: the browser offers the passkeys it holds for this site (discoverable credentials).
  const options = await generateAuthenticationOptions({ rpID, userVerification: "required" });
  return { options, challengeId: storeChallenge(tx, "passkey-sign-in", options.challenge, null) };
}

/**
 * Verifies a passkey assertion: its single-use challenge, this origin, user verification (PIN or
 * biometrics, so the passkey counts as two factors) and the signature counter. Returns the user id.
 */
export async function verifyPasskeySignIn(tx: Tx, request: Request, { challengeId, response }: { challengeId: string; response: AuthenticationResponseJSON }) {
  const challenge = takeAuthChallenge(tx, { id: challengeId, purpose: "passkey-sign-in", now: new Date().toISOString() });
  if (!challenge) return null;
  const passkey = getPasskey(tx, { credentialId: response.id });
  if (!passkey) return null;
  const { origin, rpID } = relyingParty(request);
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: {
        id: passkey.id,
        publicKey: toBytes(Buffer.from(passkey.publicKey, "base64url")),
        counter: passkey.counter,
        transports: JSON.parse(passkey.transports) as AuthenticatorTransportFuture[],
      },
    });
    if (!result.verified) return null;
    updatePasskeyUse(tx, { credentialId: passkey.id, counter: result.authenticationInfo.newCounter, at: new Date().toISOString() });
    return passkey.userId;
  } catch (error) {
    logger.warn("passkey sign-in refused", { error });
    return null;
  }
}

function toBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(buffer.length));
  bytes.set(buffer);
  return bytes;
}
