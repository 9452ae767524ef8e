// A life event's texts as the page's loader read them (the published wording, or a designer's draft in a
// preview), in front of the built-in translations. Loader data, so the server and the browser render the same.
import type { TFunction } from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useTranslation } from "~/platform/i18n/texts";

const FlowTextsContext = createContext<Record<string, string>>({});

export function FlowTextsProvider({ texts, children }: { texts: Record<string, string>; children: ReactNode }) {
  return <FlowTextsContext.Provider value={texts}>{children}</FlowTextsContext.Provider>;
}

/** Fills {{name}} with a value, as i18next does (no escaping: React escapes). */
export function interpolate(text: string, values: Record<string, unknown> = {}): string {
  return text.replace(/{{\s*([\w.]+)\s*}}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/** Translates a key with the texts of the surrounding provider first (text overrides), then i18next. */
export function translateWith(texts: Record<string, string>, t: TFunction): TFunction {
  return ((key: string, options?: Record<string, unknown>) =>
    typeof key === "string" && Object.hasOwn(texts, key) ? interpolate(texts[key], options) : t(key, options)) as unknown as TFunction;
}

/** `useTranslation()`, with the life event's published (or previewed) texts in front. */
export function useFlowTranslation() {
  const { t, i18n } = useTranslation();
  const texts = useContext(FlowTextsContext);
  const flowT = useMemo(() => translateWith(texts, t), [texts, t]);
  return { t: flowT, i18n };
}
