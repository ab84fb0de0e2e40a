/** The question before overwriting or replacing anything (lazy: most sessions never need it). */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { Strings } from "../strings";

export default function ConfirmDialog({
  text,
  s,
  onAnswer,
}: {
  text: string;
  s: Strings;
  onAnswer(ok: boolean): void;
}) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onAnswer(false)}>
      <DialogSurface aria-describedby="plankoll-confirm-text">
        <DialogBody>
          <DialogTitle>{s.appName}</DialogTitle>
          <DialogContent id="plankoll-confirm-text">{text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {s.confirm}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {s.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
