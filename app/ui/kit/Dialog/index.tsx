// Modal dialogs for staff pages (they need JS): react-aria traps focus, closes on Escape,
// restores focus to the opener and labels the dialog with its heading.
import type { ReactNode } from "react";
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Button, type ButtonVariant } from "../Button";
import "./Dialog.css";

export interface ModalProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom; a Button with slot="close" closes the dialog. */
  actions?: ReactNode;
  /** "alertdialog" for confirmations that interrupt. */
  role?: "dialog" | "alertdialog";
}

export function Modal({ isOpen, onOpenChange, title, children, actions, role = "dialog" }: ModalProps) {
  const { t } = useTranslation("ui");
  return (
    // Not dismissable by clicking outside: a trembling hand should not lose what it typed.
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={false} className="modal-overlay">
      <AriaModal className="modal">
        <Dialog role={role} className="dialog">
          <div className="dialog__header">
            <Heading slot="title" className="dialog__title">
              {title}
            </Heading>
            <Button slot="close" variant="secondary" className="dialog__close">
              {t("dialog.close")}
            </Button>
          </div>
          <div className="dialog__body">{children}</div>
          {actions ? <div className="dialog__actions button-group">{actions}</div> : null}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}

export interface ConfirmDialogProps extends Omit<ModalProps, "actions" | "role"> {
  confirmLabel: ReactNode;
  /** Called on confirm; the dialog closes afterwards. */
  onConfirm?: () => void;
  confirmVariant?: Exclude<ButtonVariant, "link">;
  /** Defaults to the translated "Cancel". */
  cancelLabel?: ReactNode;
  /** Makes the confirm button submit this form (by id): the form stays the source of truth. */
  formId?: string;
}

export function ConfirmDialog({
  confirmLabel,
  onConfirm,
  confirmVariant = "primary",
  cancelLabel,
  formId,
  onOpenChange,
  ...props
}: ConfirmDialogProps) {
  const { t } = useTranslation("ui");
  return (
    <Modal
      {...props}
      onOpenChange={onOpenChange}
      role="alertdialog"
      actions={
        <>
          <Button
            variant={confirmVariant}
            type={formId ? "submit" : "button"}
            form={formId}
            onPress={() => {
              onConfirm?.();
              onOpenChange(false);
            }}
          >
            {confirmLabel}
          </Button>
          <Button slot="close" variant="secondary">
            {cancelLabel ?? t("dialog.cancel")}
          </Button>
        </>
      }
    />
  );
}
