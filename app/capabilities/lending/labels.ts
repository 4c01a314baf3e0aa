// Topic names for any page: a coordinator's own label in the reader's language, else the built-in translation.
import type { TFunction } from "i18next";

export function topicName(t: TFunction, lng: string, topic: { key: string; labels: string }): string {
  try {
    const labels = JSON.parse(topic.labels) as Record<string, string>;
    if (labels[lng]) return labels[lng];
    if (labels.de) return labels.de;
  } catch {
    // fall through to the built-in name
  }
  return t(`lending:topic.${topic.key}`, { defaultValue: topic.key });
}
