// Help articles: short how-tos in plain German and in Leichte Sprache, for citizens and for staff to link.
import { z } from "zod";
import type { Ctx, StaffCtx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";

const Text = (required: string, max: number, tooLong: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

export const ArticleInput = z.object({
  slug: z
    .string({ error: "helpdesk:errors.slugInvalid" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "helpdesk:errors.slugInvalid" })
    .max(60, { error: "helpdesk:errors.slugInvalid" }),
  title: Text("helpdesk:errors.titleRequired", 120, "helpdesk:errors.titleTooLong"),
  body: Text("helpdesk:errors.bodyRequired", 8000, "helpdesk:errors.bodyTooLong"),
  titleEasy: Text("helpdesk:errors.titleEasyRequired", 120, "helpdesk:errors.titleTooLong"),
  bodyEasy: Text("helpdesk:errors.bodyEasyRequired", 8000, "helpdesk:errors.bodyTooLong"),
  published: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
});

export async function listArticles(ctx: Ctx, { publishedOnly }: { publishedOnly: boolean }) {
  return ctx.db.helpArticle.findMany({
    where: publishedOnly ? { published: true } : {},
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, titleEasy: true, published: true, updatedAt: true },
  });
}

export async function getArticle(ctx: Ctx, slug: string, { publishedOnly }: { publishedOnly: boolean }) {
  const article = await ctx.db.helpArticle.findUnique({ where: { slug } });
  if (!article || (publishedOnly && !article.published)) throw notFound("article");
  return article;
}

/** For the staff editor: any article, published or not. */
export async function getArticleById(ctx: Ctx, id: string) {
  const article = await ctx.db.helpArticle.findUnique({ where: { id } });
  if (!article) throw notFound("article");
  return article;
}

export async function saveArticle(ctx: StaffCtx, id: string | null, input: z.output<typeof ArticleInput>) {
  if (!can(ctx.actor, "article:manage")) throw forbidden("article:manage");
  return ctx.db.$transaction(async (tx) => {
    const clash = await tx.helpArticle.findUnique({ where: { slug: input.slug } });
    if (clash && clash.id !== id) throw new AppError(409, "helpdesk:errors.slugTaken");
    const article = id
      ? await tx.helpArticle.update({ where: { id }, data: input })
      : await tx.helpArticle.create({ data: input });
    await audit(ctx, tx, { action: id ? "article.updated" : "article.created", subjectType: "HelpArticle", subjectId: article.id });
    return article;
  });
}
