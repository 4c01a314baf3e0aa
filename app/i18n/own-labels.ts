// Names of things coordinators may add (ticket categories, mentoring topics) for any page: their own label in the
// reader's language (else German), or — for built-ins, which carry no labels — the translation of their key.
import type { TFunction } from "i18next";

export function ownLabel(t: TFunction, lng: string, item: { key: string; labels: string }, builtInKey: string): string {
  try {
    const labels = JSON.parse(item.labels) as Record<string, string>;
    if (labels[lng]) return labels[lng];
    if (labels.de) return labels.de;
  } catch {
    // fall through to the built-in name
  }
  return t(builtInKey, { defaultValue: item.key });
}

/** A ticket category (also a consultation hour's topic). */
export const categoryName = (t: TFunction, lng: string, category: { key: string; labels: string }): string =>
  ownLabel(t, lng, category, `helpdesk:category.${category.key}`);

/** A mentoring topic. */
export const topicName = (t: TFunction, lng: string, topic: { key: string; labels: string }): string =>
  ownLabel(t, lng, topic, `lending:topic.${topic.key}`);
