export function PublicApp(_: { readonly token: string }) {
  return null;
}
