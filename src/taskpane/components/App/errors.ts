import { RunError } from "../../../app/orchestrator";
import { strings } from "../../strings";
import type { NoticeMessage } from "../Notice/Notice";

/** A thrown error as the message bar shows it: RunError codes get their own title. */
export function noticeFor(e: unknown): NoticeMessage {
  if (e instanceof RunError) {
    switch (e.code) {
      case "cancelled":
        return { intent: "warning", title: strings.run.cancelledTitle, text: e.message };
      case "busy":
        return { intent: "warning", title: strings.run.busyTitle, text: e.message };
      case "collision":
        return { intent: "error", title: strings.run.collisionTitle, text: e.message };
      default:
        return { intent: "error", title: strings.run.failed, text: e.message };
    }
  }
  if (e instanceof Error && e.message) return { intent: "error", title: strings.errors.title, text: e.message };
  if (typeof e === "string" && e) return { intent: "error", title: strings.errors.title, text: e };
  return { intent: "error", title: strings.errors.title, text: strings.errors.unknown };
}
