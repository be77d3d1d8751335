/** The shapes of the overview's figures, shared by the server and the admin page (types only). */
export interface Funnel {
  submitted: number;
  confirmed: number;
  synced: number;
  qualified: number;
  won: number;
}

export interface UtmRow {
  value: string | null;
  activities: number;
  contacts: number;
  confirmed: number;
  conversion: number;
}

export interface OutboxTopic {
  topic: string;
  pending: number;
  processing: number;
  dead: number;
}
