// The demo mode's "sign in as a demo person" shortcut. identity holds no demo data: the start-up offers the
// accounts (app/demo/start.server.ts), and the shortcut exists only while the portal runs in demo mode.
import type { Role } from "../../db/schema";
import { isDemoMode } from "../platform/mode.server";

export type ShortcutAccount = { loginId: string; displayName: string; role: Role };

let offered: readonly ShortcutAccount[] = [];

/** Called once by the demo start-up; in production mode the list is never read. */
export function offerDemoShortcut(accounts: readonly ShortcutAccount[]) {
  offered = accounts.map(({ loginId, displayName, role }) => ({ loginId, displayName, role }));
}

/**
 * The accounts the shortcut may sign in as, or null when there is no shortcut (production mode, or no
 * demo offered). Protects production: the published demo passwords never become a way in there.
 */
export function demoShortcutAccounts(): readonly ShortcutAccount[] | null {
  return isDemoMode() && offered.length > 0 ? offered : null;
}

export const demoShortcutAccount = (loginId: string) => demoShortcutAccounts()?.find((account) => account.loginId === loginId);
