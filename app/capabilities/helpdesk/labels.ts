// Category names for any page: a coordinator's own label in the reader's language, else the built-in translation.
import type { TFunction } from "i18next";
import { ownLabel } from "~/i18n/own-labels";

export const categoryName = (t: TFunction, lng: string, category: { key: string; labels: string }): string =>
  ownLabel(t, lng, category, `helpdesk:category.${category.key}`);
