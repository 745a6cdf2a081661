export function ShowApp() {
  return null;
}
