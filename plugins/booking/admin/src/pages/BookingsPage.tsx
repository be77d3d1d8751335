export const BookingsPage = () => null;
