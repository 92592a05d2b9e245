/**
 * Whether an `If-None-Match` header names `etag`, by weak comparison (RFC
 * 9110 §13.1.2): `*`, or any of its comma-separated tags equal once `W/` is
 * set aside.
 */
export function matchesEtag(
  ifNoneMatch: string | undefined,
  etag: string,
): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch
    .split(',')
    .some(tag => tag.trim() === '*' || opaque(tag) === wanted);
}
