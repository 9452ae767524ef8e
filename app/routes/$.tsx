// Any address that matches no page: a translated 404 inside the normal layout.

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: [] };

export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
