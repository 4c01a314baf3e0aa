// The UI kit. Importing this module also puts the tokens and base styles into Remix's CSS bundle
// (first, so component styles can build on them).
import "./tokens.css";
import "./base.css";

export * from "./Layout";
export * from "./Button";
export * from "./Link";
export * from "./Field";
export * from "./TextField";
export * from "./Select";
export * from "./RadioGroup";
export * from "./Checkbox";
export * from "./DateField";
export * from "./Dialog";
export * from "./Table";
export * from "./ErrorSummary";
export * from "./forms";
