// Demo or production: demo conveniences (the "sign in as a demo person" shortcut, generated keys, http
// cookies) exist only when MADOGUCHI_MODE is not "production". `npm start` runs in demo mode.

export type Mode = "demo" | "production";

export function currentMode(): Mode {
  return process.env.MADOGUCHI_MODE === "production" ? "production" : "demo";
}

export const isProductionMode = () => currentMode() === "production";
export const isDemoMode = () => currentMode() === "demo";
