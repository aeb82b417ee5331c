// Types for TML documents, after ThoughtSpot's TML reference pages (tables, views, SQL views,
// worksheets, models, answers, liveboards, connections). They name the documented keys only;
// every object also takes unknown keys (`TmlExtra`) because ThoughtSpot adds keys in new
// releases and a parse → edit → stringify cycle must never drop them.

/** Any key ThoughtSpot writes that these types do not name yet. */
export type TmlExtra = { [key: string]: unknown };

/** A reference to another object by display name, optionally pinned by GUID (`fqn`). */
export interface TmlObjectRef extends TmlExtra {
  name?: string;
  id?: string;
  fqn?: string;
}

export interface TmlConnectionRef extends TmlExtra {
  name?: string;
  fqn?: string;
}

export type TmlColumnType = "ATTRIBUTE" | "MEASURE" | (string & {});
export type TmlJoinType = "INNER" | "LEFT_OUTER" | "RIGHT_OUTER" | "OUTER" | (string & {});
export type TmlCardinality = "MANY_TO_ONE" | "ONE_TO_ONE" | "ONE_TO_MANY" | (string & {});

export interface TmlColumnProperties extends TmlExtra {
  column_type?: TmlColumnType;
  aggregation?: string;
  index_type?: string;
  index_priority?: number;
  synonyms?: string[];
  synonym_type?: string;
  is_attribution_dimension?: boolean;
  is_additive?: boolean;
  is_hidden?: boolean;
  calendar?: string;
  format_pattern?: string;
  currency_type?: TmlExtra & { is_browser?: boolean; column?: string; iso_code?: string };
  geo_config?: TmlExtra;
  spotiq_preference?: string;
}

export interface TmlFormula extends TmlExtra {
  id?: string;
  name: string;
  expr: string;
  properties?: TmlColumnProperties & { data_type?: string };
  was_auto_generated?: boolean;
}

export interface TmlFilter extends TmlExtra {
  column?: string | string[];
  oper?: string;
  values?: unknown[];
}

export interface TmlParameter extends TmlExtra {
  id?: string;
  name: string;
  data_type?: string;
  default_value?: string;
  description?: string;
  range_config?: TmlExtra;
  list_config?: TmlExtra;
}

/** Worksheet/view style join between two `tables[]` entries. */
export interface TmlJoin extends TmlExtra {
  name?: string;
  source?: string;
  destination?: string;
  type?: TmlJoinType;
  on?: string;
  is_one_to_one?: boolean;
}

/** `table_paths[]`: the id used in `TABLE_PATH_ID::Column Name` column ids. */
export interface TmlTablePath extends TmlExtra {
  id: string;
  table: string;
  join_path?: Array<{ join?: string[] } & TmlExtra>;
}

/** Table/view/SQL view `joins_with[]`: joins stored on the object itself. */
export interface TmlJoinWith extends TmlExtra {
  name?: string;
  description?: string;
  destination?: TmlObjectRef;
  on?: string;
  type?: TmlJoinType;
  is_one_to_one?: boolean;
}

// ---- table ----------------------------------------------------------------

export interface TmlTableColumn extends TmlExtra {
  name: string;
  description?: string;
  db_column_name?: string;
  properties?: TmlColumnProperties;
  db_column_properties?: TmlExtra & { data_type?: string };
}

export interface TmlTable extends TmlExtra {
  name: string;
  description?: string;
  db?: string;
  schema?: string;
  db_table?: string;
  connection?: TmlConnectionRef;
  columns?: TmlTableColumn[];
  joins_with?: TmlJoinWith[];
  rls_rules?: TmlExtra & {
    tables?: TmlObjectRef[];
    table_paths?: TmlTablePath[];
    rules?: Array<TmlExtra & { name?: string; expr?: string }>;
  };
  properties?: TmlExtra;
}

// ---- view, sql_view -------------------------------------------------------

export interface TmlView extends TmlExtra {
  name: string;
  description?: string;
  tables?: TmlObjectRef[];
  joins?: TmlJoin[];
  table_paths?: TmlTablePath[];
  formulas?: TmlFormula[];
  filters?: TmlFilter[];
  parameters?: TmlParameter[];
  search_query?: string;
  view_columns?: Array<
    TmlExtra & { name: string; search_output_column?: string; properties?: TmlColumnProperties }
  >;
  joins_with?: TmlJoinWith[];
}

export interface TmlSqlView extends TmlExtra {
  name: string;
  description?: string;
  connection?: TmlConnectionRef;
  sql_query?: string;
  sql_view_columns?: Array<
    TmlExtra & { name: string; sql_output_column?: string; properties?: TmlColumnProperties }
  >;
  joins_with?: TmlJoinWith[];
}

// ---- worksheet, model -----------------------------------------------------

export interface TmlWorksheetColumn extends TmlExtra {
  name: string;
  description?: string;
  /** `TABLE_PATH_ID::Column Name` */
  column_id?: string;
  formula_id?: string;
  properties?: TmlColumnProperties;
}

/** Model-style table entry: joins live on the table (`with` names another entry's alias or name). */
export interface TmlModelTable extends TmlObjectRef {
  alias?: string;
  joins?: Array<
    TmlExtra & {
      name?: string;
      with?: string;
      on?: string;
      type?: TmlJoinType;
      cardinality?: TmlCardinality;
      referencing_join?: string;
    }
  >;
}

export interface TmlWorksheet extends TmlExtra {
  name: string;
  description?: string;
  tables?: TmlObjectRef[];
  joins?: TmlJoin[];
  table_paths?: TmlTablePath[];
  /** Worksheets saved from the model editor (before Models had their own type). */
  schema?: TmlExtra & { tables?: TmlModelTable[] };
  formulas?: TmlFormula[];
  filters?: TmlFilter[];
  parameters?: TmlParameter[];
  worksheet_columns?: TmlWorksheetColumn[];
  properties?: TmlExtra & { is_bypass_rls?: boolean; join_progressive?: boolean };
  lesson_plans?: TmlExtra[];
}

export interface TmlModel extends TmlExtra {
  name: string;
  description?: string;
  model_tables?: TmlModelTable[];
  formulas?: TmlFormula[];
  filters?: TmlFilter[];
  parameters?: TmlParameter[];
  columns?: TmlWorksheetColumn[];
  properties?: TmlExtra & { is_bypass_rls?: boolean; join_progressive?: boolean };
  lesson_plans?: TmlExtra[];
}

// ---- answer, liveboard ----------------------------------------------------

export interface TmlAnswer extends TmlExtra {
  name: string;
  description?: string;
  /** The data sources: tables, views, worksheets or models. */
  tables?: TmlObjectRef[];
  joins?: TmlJoin[];
  table_paths?: TmlTablePath[];
  formulas?: TmlFormula[];
  parameters?: TmlParameter[];
  cohorts?: TmlExtra[];
  search_query?: string;
  answer_columns?: Array<TmlExtra & { name: string; custom_name?: string; format?: TmlExtra }>;
  table?: TmlExtra & {
    table_columns?: TmlExtra[];
    ordered_column_ids?: string[];
    client_state?: string;
    client_state_v2?: string;
  };
  chart?: TmlExtra & {
    type?: string;
    chart_columns?: TmlExtra[];
    axis_configs?: TmlExtra[];
    client_state?: string;
    client_state_v2?: string;
  };
  display_mode?: "CHART_MODE" | "TABLE_MODE" | (string & {});
}

export interface TmlVisualization extends TmlExtra {
  /** `Viz_1`, `Viz_2` …: what `layout.tiles[].visualization_id` points at. */
  id: string;
  answer: TmlAnswer;
  viz_guid?: string;
}

export interface TmlLiveboard extends TmlExtra {
  name: string;
  description?: string;
  visualizations?: TmlVisualization[];
  filters?: TmlFilter[];
  parameter_overrides?: TmlExtra[];
  layout?: TmlExtra & {
    tiles?: Array<TmlExtra & { visualization_id: string; size?: string; x?: number; y?: number }>;
    tabs?: TmlExtra[];
  };
  views?: TmlExtra[];
}

// ---- connection -----------------------------------------------------------

export interface TmlConnection extends TmlExtra {
  name: string;
  type?: string;
  authentication_type?: string;
  properties?: Array<TmlExtra & { key: string; value: string }>;
  description?: string;
}

// ---- less common types: shape kept open -----------------------------------

export interface TmlCohort extends TmlExtra {
  name: string;
  /** The worksheet or model the set is built on. */
  worksheet?: TmlObjectRef;
  config?: TmlExtra;
}

// ---- documents ------------------------------------------------------------

/** Body type per top-level key. `pinboard` is the pre-Liveboard name ThoughtSpot still reads. */
export interface TmlBodies {
  table: TmlTable;
  view: TmlView;
  sql_view: TmlSqlView;
  worksheet: TmlWorksheet;
  model: TmlModel;
  answer: TmlAnswer;
  liveboard: TmlLiveboard;
  pinboard: TmlLiveboard;
  connection: TmlConnection;
  cohort: TmlCohort;
  feedback: TmlExtra;
}

export type TmlType = keyof TmlBodies;

/** One TML file: an optional `guid` (and `obj_id`) plus one body under its type key. */
export type TmlDocumentOf<T extends TmlType> = { guid?: string; obj_id?: string } & {
  [K in T]: TmlBodies[K];
} & TmlExtra;

export type TmlDocument = { [T in TmlType]: TmlDocumentOf<T> }[TmlType];

export type TableTml = TmlDocumentOf<"table">;
export type ViewTml = TmlDocumentOf<"view">;
export type SqlViewTml = TmlDocumentOf<"sql_view">;
export type WorksheetTml = TmlDocumentOf<"worksheet">;
export type ModelTml = TmlDocumentOf<"model">;
export type AnswerTml = TmlDocumentOf<"answer">;
export type LiveboardTml = TmlDocumentOf<"liveboard">;
export type ConnectionTml = TmlDocumentOf<"connection">;
export type CohortTml = TmlDocumentOf<"cohort">;
