// The shape of a brief's data file. It mirrors data/brief.schema.json property for property
// (the schema's descriptions are the reference for each field); loadBrief() only returns values
// that passed the schema, so these types can be trusted.

/** A calendar date written YYYY-MM-DD, e.g. "2025-08-15". */
export type IsoDate = string;

/** The data behind one policy brief: the root context of the templates. */
export interface Brief {
  /** Path or URL of the JSON Schema, for editors; ignored by the renderer. */
  $schema?: string;
  /** A theme file, relative to the data file's folder. */
  theme?: string;
  /** Full title (the source article's headline). */
  title: string;
  /** Short title for running headers. */
  shortTitle: string;
  subtitle?: string;
  /** Brief metadata: the issuing unit. */
  issuer: string;
  /** Brief metadata: reference number of the document. */
  reference?: string;
  /** Brief metadata: handling/classification marking. */
  classification?: string;
  /** Brief metadata: date of issue, also the PDF creation date. */
  issued: IsoDate;
  keywords?: string[];
  summit: Summit;
  /** Outlets the source article quotes. */
  sources?: Source[];
  /** The opening paragraph. */
  summary: string;
  sections: Section[];
  delegations: Delegation[];
  keyPoints: string[];
  /** Provenance note. */
  source: string;
}

export interface Summit {
  date: IsoDate;
  place: string;
  goals: string[];
  /** Parts of the programme in the order the source mentions them. */
  programme?: string[];
}

export interface Source {
  name: string;
  latin?: string;
}

export interface Section {
  heading: string;
  paragraphs: string[];
}

export interface Delegation {
  side: string;
  members: Member[];
}

export interface Member {
  name: string;
  latin?: string;
  role: string;
}
