// With JavaScript: a dialog shortly before the session's idle end, with a button that extends it
// (WCAG 2.2.1). Without JavaScript the same is offered by the /session page linked from the header.
import { useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { formatTime } from "~/platform/format";

const WARNING_MS = 2 * 60_000;

type Status = { signedIn: boolean; idleExpiresAt: string | null; now: string };

/** Time left by the SERVER's clock: a wrong clock on the person's computer must not shorten or lengthen it. */
const remainingMs = (expiresAt: string, serverNow: string) => Date.parse(expiresAt) - Date.parse(serverNow);

export function SessionTimeout({ idleExpiresAt, serverNow }: { idleExpiresAt: string; serverNow: string }) {
  const { t, i18n } = useTranslation("common");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [schedule, setSchedule] = useState({ expiresAt: idleExpiresAt, remaining: remainingMs(idleExpiresAt, serverNow) });
  const [open, setOpen] = useState(false);
  const fetcher = useFetcher();
  const navigate = useNavigate();

  useEffect(() => setSchedule({ expiresAt: idleExpiresAt, remaining: remainingMs(idleExpiresAt, serverNow) }), [idleExpiresAt, serverNow]);

  useEffect(() => {
    const timer = setTimeout(async () => {
      // Another tab (or a request this page did not see) may have extended the session: ask first.
      const response = await fetch("/session/status", { headers: { Accept: "application/json" } });
      const status = (await response.json()) as Status;
      if (!status.signedIn || !status.idleExpiresAt) {
        navigate("/sign-in?expired=idle");
        return;
      }
      const remaining = remainingMs(status.idleExpiresAt, status.now);
      if (remaining > WARNING_MS + 5_000) {
        setSchedule({ expiresAt: status.idleExpiresAt, remaining });
        return;
      }
      setSchedule((current) => ({ ...current, expiresAt: status.idleExpiresAt! }));
      setOpen(true);
    }, Math.max(0, schedule.remaining - WARNING_MS));
    return () => clearTimeout(timer);
  }, [schedule.remaining, navigate]);

  useEffect(() => {
    if (open && !dialogRef.current?.open) dialogRef.current?.showModal();
    if (!open && dialogRef.current?.open) dialogRef.current.close();
  }, [open]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) setOpen(false);
  }, [fetcher.state, fetcher.data]);

  return (
    <dialog ref={dialogRef} className="session-dialog" aria-labelledby="session-dialog-title" onClose={() => setOpen(false)}>
      <h2 id="session-dialog-title">{t("sessionWarning.title")}</h2>
      <p>{t("sessionWarning.body", { time: formatTime(schedule.expiresAt, i18n.language) })}</p>
      <fetcher.Form method="post" action="/session">
        <CsrfField />
        <input type="hidden" name="from" value="dialog" />
        <button type="submit" name="intent" value="extend" className="button">
          {t("sessionWarning.extend")}
        </button>
      </fetcher.Form>
    </dialog>
  );
}
