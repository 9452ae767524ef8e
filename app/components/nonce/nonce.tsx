// Carries the page's CSP nonce from the server renderer to <Scripts>, <ScrollRestoration> and any inline
// script. In the browser the nonce is empty: browsers hide it from the DOM once the page has loaded.
import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
