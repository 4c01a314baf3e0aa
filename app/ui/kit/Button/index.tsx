// Buttons: react-aria Button (press handling, pending state) and a Remix Link that looks like one.
import { Link as RemixLink, type LinkProps as RemixLinkProps } from "@remix-run/react";
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  composeRenderProps,
} from "react-aria-components";
import "./Button.css";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

export interface ButtonProps extends AriaButtonProps {
  variant?: ButtonVariant;
}

export function buttonClassName(variant: ButtonVariant = "primary", extra?: string) {
  return ["button", `button--${variant}`, extra].filter(Boolean).join(" ");
}

/** `type` defaults to "button"; use type="submit" in forms so they work without JavaScript. */
export function Button({ variant = "primary", type = "button", className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      type={type}
      className={composeRenderProps(className, (extra) => buttonClassName(variant, extra))}
    />
  );
}

export interface ButtonLinkProps extends RemixLinkProps {
  variant?: Exclude<ButtonVariant, "link">;
}

/** Navigation that looks like a button ("Termin buchen"): still a link for assistive technology. */
export function ButtonLink({ variant = "primary", className, ...props }: ButtonLinkProps) {
  return <RemixLink {...props} className={buttonClassName(variant, className)} />;
}
