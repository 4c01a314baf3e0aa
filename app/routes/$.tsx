// Any unknown address: a translated 404 from the root error boundary.
import { notFound } from "~/lib/errors";
import { errorResponse } from "~/web/errors.server";

export function loader() {
  throw errorResponse(notFound());
}

export function action() {
  throw errorResponse(notFound());
}

export default function NotFound() {
  return null;
}
