/** Admin UI helpers shared by the Magnetiq plugins. */
export {};
