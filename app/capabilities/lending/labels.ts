// Topic names for any page: a coordinator's own label in the reader's language, else the built-in translation.
import type { TFunction } from "i18next";
import { ownLabel } from "~/i18n/own-labels";

export const topicName = (t: TFunction, lng: string, topic: { key: string; labels: string }): string =>
  ownLabel(t, lng, topic, `lending:topic.${topic.key}`);
