export const ConnectionsPage = () => null;
