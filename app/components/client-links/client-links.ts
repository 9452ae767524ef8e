// Plain links that navigate like Remix's <Link> once JavaScript runs. A long list (the officer's inbox) renders
// each row's link as a plain <a>: a <Link> costs several hooks per row on every server render (about 15 µs each,
// a seventh of the inbox's CPU at 50 rows), and without JavaScript both are the same link anyway.
import { useNavigate } from "@remix-run/react";
import { useCallback, useRef } from "react";

/** A left click without modifier keys on a same-site <a> that opens in this tab: the one that <Link> takes over. */
export function clientPathOf(event: MouseEvent, container: Element, origin: string): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || !container.contains(anchor)) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download") || anchor.hasAttribute("data-reload")) return null;
  const url = new URL(anchor.href);
  if (url.origin !== origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A ref for an element (a table body) whose plain links navigate in the page, as <Link> does, instead of loading
 * the whole document again. One listener for the element, added when the browser has mounted it.
 */
export function useClientLinks<E extends HTMLElement>() {
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const cleanup = useRef<(() => void) | null>(null);
  return useCallback((element: E | null) => {
    cleanup.current?.();
    cleanup.current = null;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      const path = clientPathOf(event, element, window.location.origin);
      if (path === null) return;
      event.preventDefault();
      navigateRef.current(path);
    };
    element.addEventListener("click", onClick);
    cleanup.current = () => element.removeEventListener("click", onClick);
  }, []);
}
