// The hidden CSRF token every state-changing form carries (readVerifiedForm checks it in the action).
import { useRouteLoaderData } from "@remix-run/react";

export function useCsrfToken(): string {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return root?.csrfToken ?? "";
}

export function CsrfField() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
}
