import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { strings } from "../../strings";

export interface NoticeMessage {
  intent: "error" | "warning" | "info" | "success";
  title?: string;
  text: string;
}

export interface NoticeProps {
  message: NoticeMessage | null;
  onDismiss: () => void;
}

/** Errors from a run (RunError), refusals and confirmations, in a Fluent MessageBar. */
export function Notice({ message, onDismiss }: NoticeProps) {
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} layout="multiline" politeness={message.intent === "error" ? "assertive" : "polite"} data-testid="notice">
      <MessageBarBody>
        {message.title ? <MessageBarTitle>{message.title}</MessageBarTitle> : null}
        {message.text}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={strings.errors.dismiss} onClick={onDismiss}>×</Button>} />
    </MessageBar>
  );
}
