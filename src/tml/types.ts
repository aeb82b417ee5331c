// Types for TML documents, after ThoughtSpot's TML reference pages and exported files (never the
// thoughtspot_tml package). Keys seen in exported files but not in the reference say so ("Seen in
// exports"). Every object also takes unknown keys (`TmlExtra`): ThoughtSpot adds keys in new
// releases and a parse → edit → stringify cycle must never drop them. A document is a union on its
// kind key, so `if (doc.liveboard)` narrows it; test/fixtures/tml/key-paths.txt lists the key paths
// these types are measured against (test/unit/tml-key-paths.test.ts).

/** Any key ThoughtSpot writes that these types do not name yet. */
export type TmlExtra = { [key: string]: unknown };

/** `properties` of a table, worksheet or model. */
export interface TmlObjectProperties extends TmlExtra {
  /** Worksheets and models: ignore row-level security of the tables underneath. */
  is_bypass_rls?: boolean;
  /** Worksheets and models: apply joins progressively (only for the columns a search uses). */
  join_progressive?: boolean;
  /** Spotter (AI search) on this object. Seen in exports. */
  spotter_config?: TmlExtra & { is_spotter_enabled?: boolean };
  /** Models: Sage (natural-language search) on this model. */
  sage_config?: TmlExtra & { is_sage_enabled?: boolean };
}

/** One `region_name` entry of a geo column: the country and the region level shown in the UI. */
export interface TmlGeoRegion extends TmlExtra {
  country?: string;
  region_name?: string;
}

/** A reference to another object by display name, optionally pinned by GUID (`fqn`). */
export interface TmlObjectRef extends TmlExtra {
  name?: string;
  id?: string;
  fqn?: string;
  /** The object's obj_id, when the export includes them. Seen in exports. */
  obj_id?: string;
}

export interface TmlConnectionRef extends TmlExtra {
  name?: string;
  fqn?: string;
  /** Seen in exports. */
  obj_id?: string;
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
  /** Geographic role of the column. */
  geo_config?: TmlExtra & {
    latitude?: boolean;
    longitude?: boolean;
    country?: boolean;
    /** The reference pages write a list of one-key entries; some files hold one object. */
    region_name?: TmlGeoRegion | TmlGeoRegion[];
    /** A custom map (an uploaded TopoJSON file) and its geometry (`POLYGON`, `POINT` …). */
    custom_file_guid?: string;
    geometryType?: string;
  };
  spotiq_preference?: string;
  /** Order of attribute values for sorting. Seen in exports. */
  custom_order?: string[];
  /** Text Spotter reads about the column. Seen in exports. */
  ai_context?: string;
  /** `DEFAULT`, `PERCENT_OF_TOTAL` … */
  value_casing?: string;
  /** Models: a search on this column must filter it (date filter window constraint). */
  is_mandatory?: boolean;
  /** Models: `NO_BUCKET`, `DAILY`, `WEEKLY`, `MONTHLY`, `QUARTERLY`, `YEARLY`, `HOURLY`, `AUTO`. */
  default_date_bucket?: string;
  /** Models: searches may not pick another date bucket than the default. */
  is_time_bucket_restricted?: boolean;
  /** Models: the Data panel group(s) the column is shown in (`{ Group name: … }`). */
  data_panel_column_groups?: TmlExtra;
  /** Worksheets: prefer this column in SearchIQ. */
  search_iq_preferred?: boolean;
}

export interface TmlFormula extends TmlExtra {
  id?: string;
  name: string;
  expr: string;
  properties?: TmlColumnProperties & { data_type?: string };
  was_auto_generated?: boolean;
}

/** A relative date filter (`last 3 months`). Seen in exports. */
export interface TmlDateFilter extends TmlExtra {
  /** `EXACT_DATE`, `LAST_N_PERIOD`, `NEXT_N_PERIOD`, `DATE_RANGE` … */
  type?: string;
  /** `DAY`, `WEEK`, `MONTH`, `QUARTER`, `YEAR` … */
  date_period?: string;
  number?: number;
  oper?: string;
  /** Whether the current period counts toward `number`. Seen in exports. */
  include_current_period?: boolean;
  date_range?: TmlExtra & { start_date?: string; end_date?: string };
}

/** A filter on a worksheet, model, answer or Liveboard: `column` `oper` `values`. */
export interface TmlFilter extends TmlExtra {
  /** Column names (Liveboard filters: `Data source::Column`). */
  column?: string | string[];
  /** `in`, `not in`, `=`, `!=`, `<`, `<=`, `>`, `>=`, `between`, `contains`, `begins with` … */
  oper?: string;
  values?: unknown[];
  date_filter?: TmlDateFilter;
  /** Liveboard filters: label shown on the filter chip. Seen in exports. */
  display_name?: string;
  /** Liveboard filters: the user must pick a value. Seen in exports. */
  is_mandatory?: boolean;
  /** Liveboard filters: one value at a time. Seen in exports. */
  is_single_value?: boolean;
  /** Liveboard filters: visualizations the filter does not apply to. */
  excluded_visualizations?: string[];
  /** Model filters: the tables the filter applies to. */
  apply_on_tables?: string[];
}

/** A parameter: a named value formulas read, set by the user. */
export interface TmlParameter extends TmlExtra {
  id?: string;
  name: string;
  /** `DOUBLE`, `INT64`, `CHAR`, `BOOL`, `DATE` … */
  data_type?: string;
  default_value?: string;
  description?: string;
  /** Allowed range of a numeric or date parameter. */
  range_config?: TmlExtra & {
    range_min?: string;
    range_max?: string;
    include_min?: boolean;
    include_max?: boolean;
  };
  /** Allowed values of a list parameter. */
  list_config?: TmlExtra & {
    list_choice?: Array<
      TmlExtra & {
        value: string;
        display_name?: string;
        /** SAP HANA tables: `table_name::parameter_name` of the table parameter this one feeds. */
        linked_parameters?: string;
      }
    >;
  };
}

/** `parameter_overrides[]` of an answer or Liveboard: a parameter's value there, keyed by its GUID. */
export interface TmlParameterOverride extends TmlExtra {
  key: string;
  value?: TmlExtra & { name?: string; id?: string; override_value?: string };
}

/** A Search Assist (Coach) lesson of a worksheet or model. */
export interface TmlLessonPlan extends TmlExtra {
  lesson_id?: number;
  lesson_plan_string?: string;
}

/** Worksheet/view style join between two `tables[]` entries. */
export interface TmlJoin extends TmlExtra {
  /** Seen in exports (views). */
  id?: string;
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
  /** `BOOL`, `VARCHAR`, `DOUBLE`, `FLOAT`, `INT32`, `INT64`, `DATE`, `TIME` … */
  data_type?: string;
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
  /** Row-level security: the tables a rule reads and the rules themselves. */
  rls_rules?: TmlExtra & {
    tables?: TmlObjectRef[];
    joins?: TmlJoin[];
    table_paths?: Array<TmlTablePath & { column?: string[] }>;
    rules?: Array<TmlExtra & { name?: string; expr?: string }>;
  };
  properties?: TmlObjectProperties;
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
    TmlExtra & {
      name: string;
      description?: string;
      search_output_column?: string;
      /** `TABLE_PATH_ID::Column Name` */
      column_id?: string;
      phrase?: string;
      properties?: TmlColumnProperties;
    }
  >;
  joins_with?: TmlJoinWith[];
}

export interface TmlSqlView extends TmlExtra {
  name: string;
  description?: string;
  connection?: TmlConnectionRef;
  sql_query?: string;
  sql_view_columns?: Array<
    TmlExtra & {
      name: string;
      description?: string;
      sql_output_column?: string;
      properties?: TmlColumnProperties;
    }
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
  /** Models: the Data panel group(s) of the column, `{ Group name: "" }` (exports put it here). */
  data_panel_column_groups?: TmlExtra;
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
  properties?: TmlObjectProperties;
  lesson_plans?: TmlLessonPlan[];
  joins_with?: TmlJoinWith[];
}

export interface TmlModel extends TmlExtra {
  name: string;
  description?: string;
  model_tables?: TmlModelTable[];
  formulas?: TmlFormula[];
  filters?: TmlFilter[];
  parameters?: TmlParameter[];
  columns?: TmlWorksheetColumn[];
  properties?: TmlObjectProperties;
  lesson_plans?: TmlLessonPlan[];
  /** Groups of columns in the Data panel (`type: DATA_PANEL`). */
  column_groups?: Array<
    TmlExtra & {
      type?: string;
      /** `status` and `default_sort`: `ENABLE` or `DISABLE`. */
      properties?: TmlExtra & { status?: string; default_sort?: string };
      column_group_info?: Array<TmlExtra & { name: string; include_ungrouped_columns?: boolean }>;
    }
  >;
  /** Date column filter window: searches on `table` must stay within `duration` `bucket`s. */
  constraints?: TmlExtra & {
    constraint?: Array<
      TmlExtra & {
        table?: string;
        condition?: Array<
          TmlExtra & {
            date_range_condition?: TmlExtra & { column?: string; duration?: number; bucket?: string };
          }
        >;
      }
    >;
  };
}

// ---- answer, liveboard ----------------------------------------------------

/** A column's number or percentage format in an answer. Seen in exports. */
export interface TmlColumnFormat extends TmlExtra {
  /** `NUMBER`, `PERCENTAGE`, `CURRENCY`, `CUSTOM` … */
  category?: string;
  isCategoryEditable?: boolean;
  numberFormatConfig?: TmlExtra & {
    unit?: string;
    decimals?: number;
    negativeValueFormat?: string;
    toSeparateThousands?: boolean;
    removeTrailingZeroes?: boolean;
  };
  percentageFormatConfig?: TmlExtra & { decimals?: number; removeTrailingZeroes?: boolean };
  currencyFormatConfig?: TmlExtra & { locale?: string; unit?: string; decimals?: number };
}

/** `answer_columns[]`: a column of the search result. */
export interface TmlAnswerColumn extends TmlExtra {
  id?: string;
  name: string;
  /** Display name that replaces `name`. */
  custom_name?: string;
  format?: TmlColumnFormat;
  /** Seen in exports. */
  dynamic_title?: string;
  /** Seen in exports. */
  sort_info?: TmlExtra & { category?: string; custom_order?: string[] };
}

/** `table.table_columns[]`: a column's settings in table mode. */
export interface TmlAnswerTableColumn extends TmlExtra {
  column_id: string;
  show_headline?: boolean;
  /** `SUM`, `AVERAGE`, `COUNT_DISTINCT`, `TABLE_DEFAULT` … */
  headline_aggregation?: string;
}

/** An answer's table-mode settings. */
export interface TmlAnswerTable extends TmlExtra {
  table_columns?: TmlAnswerTableColumn[];
  ordered_column_ids?: string[];
  /** Opaque JSON of the table's look, as text. */
  client_state?: string;
  client_state_v2?: string;
}

/** `chart.axis_configs[]`: which columns sit on which axis. */
export interface TmlAxisConfig extends TmlExtra {
  x?: string[];
  y?: string[];
  color?: string[];
  category?: string[];
  size?: string;
  hidden?: string[];
}

/** An answer's chart settings. */
export interface TmlAnswerChart extends TmlExtra {
  /** `COLUMN`, `BAR`, `LINE`, `PIE`, `KPI`, `PIVOT_TABLE`, `GEO_AREA`, `CUSTOM` … */
  type?: string;
  chart_columns?: Array<TmlExtra & { column_id: string }>;
  axis_configs?: TmlAxisConfig[];
  /** The chart type stays as set when the search changes ("automatically select my chart" off). */
  locked?: boolean;
  /** Opaque JSON of the chart's look, as text. */
  client_state?: string;
  client_state_v2?: string;
  /** Custom charts (chart SDK): name and column wiring. Seen in exports. */
  custom_chart_name?: string;
  /** Seen in exports. */
  custom_chart_config?: Array<
    TmlExtra & {
      key?: string;
      dimensions?: Array<TmlExtra & { key?: string; columns?: string[]; mode?: string }>;
    }
  >;
  /** Seen in exports. */
  custom_visual_props?: string;
  /** Opaque JSON of the chart's style, as text. Seen in exports. */
  viz_style?: string;
}

/** A cohort (set) defined inside an answer. */
export interface TmlAnswerCohort extends TmlExtra {
  name?: string;
  /** A reusable set this answer uses. */
  cohort_guid?: string;
  config?: TmlCohortConfig;
}

export interface TmlAnswer extends TmlExtra {
  name: string;
  description?: string;
  /** The data sources: tables, views, worksheets or models. */
  tables?: TmlObjectRef[];
  joins?: TmlJoin[];
  table_paths?: TmlTablePath[];
  formulas?: TmlFormula[];
  parameters?: TmlParameter[];
  cohorts?: TmlAnswerCohort[];
  search_query?: string;
  answer_columns?: TmlAnswerColumn[];
  table?: TmlAnswerTable;
  chart?: TmlAnswerChart;
  display_mode?: "CHART_MODE" | "TABLE_MODE" | (string & {});
  /** Values this answer gives parameters. */
  parameter_values?: Array<TmlExtra & { key: string; value: string }>;
  /** Parameter values set on this answer, when not the defaults. */
  parameter_overrides?: TmlParameterOverride[];
  /** Seen in exports. */
  dynamic_name?: string;
  /** Seen in exports. */
  dynamic_description?: string;
}

export interface TmlVisualization extends TmlExtra {
  /** `Viz_1`, `Viz_2` …: what `layout.tiles[].visualization_id` points at. */
  id: string;
  answer: TmlAnswer;
  viz_guid?: string;
  /** Pinboards: the column a headline tile shows. Seen in exports. */
  display_headline_column?: string;
  /** Custom actions on this visualization. Seen in exports. */
  action_object_associations?: Array<
    TmlExtra & { action_name?: string; context?: string; enabled?: boolean }
  >;
}

/** A tile of the Liveboard grid. */
export interface TmlTile extends TmlExtra {
  visualization_id: string;
  /** Older layouts: `EXTRA_SMALL` … `EXTRA_LARGE`. */
  size?: string;
  x?: number;
  y?: number;
  height?: number;
  width?: number;
}

/** A Liveboard tab and the tiles on it. */
export interface TmlLiveboardTab extends TmlExtra {
  name: string;
  id?: string;
  description?: string;
  tiles?: TmlTile[];
  /** The tiles inside each group on this tab (the group itself is a tile whose id is the group's). Seen in exports. */
  group_layouts?: Array<TmlExtra & { id: string; tiles?: TmlTile[] }>;
}

export interface TmlLiveboardLayout extends TmlExtra {
  tiles?: TmlTile[];
  tabs?: TmlLiveboardTab[];
}

/** One Liveboard style setting (`lb_brand_color`, `tile_brand_color` …). */
export interface TmlStyleProperty extends TmlExtra {
  name: string;
  value: string;
}

/** A personalised view of a Liveboard: its own filter and parameter values. */
export interface TmlLiveboardView extends TmlExtra {
  view_guid?: string;
  obj_id?: string;
  name: string;
  is_public?: boolean;
  view_filters?: TmlFilter[];
  view_parameters?: Array<TmlExtra & { id?: string; name?: string; override_value?: string }>;
  author?: TmlExtra & { username?: string; user_email?: string };
  /** The owner; administrators may change it to hand a view over when migrating. */
  view_owner?: string;
}

export interface TmlLiveboard extends TmlExtra {
  name: string;
  description?: string;
  visualizations?: TmlVisualization[];
  filters?: TmlFilter[];
  parameter_overrides?: TmlParameterOverride[];
  layout?: TmlLiveboardLayout;
  views?: TmlLiveboardView[];
  /** Order of filter and parameter chips. Seen in exports. */
  ordered_chips?: Array<TmlExtra & { name?: string; type?: string }>;
  /** Groups of visualizations shown together. Seen in exports. */
  groups?: Array<
    TmlExtra & {
      id: string;
      name?: string;
      description?: string;
      group_guid?: string;
      /** Ids of the visualizations in the group. */
      visualizations?: string[];
    }
  >;
  /** Liveboard style (`name`/`value` pairs), and per visualization or group. Seen in exports. */
  style?: TmlExtra & {
    style_properties?: TmlStyleProperty[];
    overrides?: Array<TmlExtra & { object_id: string; style_properties?: TmlStyleProperty[] }>;
  };
}

// ---- connection -----------------------------------------------------------

/** A connection property (`accountName`, `user`, `password`, `warehouse`, `role` …). */
export interface TmlConnectionProperty extends TmlExtra {
  key: string;
  value: string;
}

/** A table of the legacy connection file, with its columns as the connection sees them. */
export interface TmlConnectionTable extends TmlExtra {
  name: string;
  id?: string;
  external_table?: TmlExtra & { db_name?: string; schema_name?: string; table_name?: string };
  column?: Array<TmlExtra & { name: string; id?: string; data_type?: string; external_column?: string }>;
}

export interface TmlConnection extends TmlExtra {
  name: string;
  /** `RDBMS_SNOWFLAKE`, `RDBMS_REDSHIFT`, `RDBMS_DATABRICKS`, `RDBMS_GCP_BIGQUERY` … */
  type?: string;
  /** `SERVICE_ACCOUNT`, `OAUTH`, `KEY_PAIR` … */
  authentication_type?: string;
  properties?: TmlConnectionProperty[];
  description?: string;
  table?: TmlConnectionTable[];
}

// ---- cohort (set), feedback, collection, monitor alert --------------------

/** How a set groups values: bins, groups of values, or a query. */
export interface TmlCohortConfig extends TmlExtra {
  /** `SIMPLE` (column set) or `ADVANCED` (query set). */
  cohort_type?: string;
  /** `BIN_BASED`, `GROUP_BASED`, `COLUMN_BASED`. */
  cohort_grouping_type?: string;
  anchor_column_id?: string;
  return_column_id?: string;
  null_output_value?: string;
  combine_non_group_values?: boolean;
  /** Query sets: hide the values the query leaves out … */
  hide_excluded_query_values?: boolean;
  /** … or show them under this group name. */
  group_excluded_query_values?: string;
  bins?: TmlExtra & { minimum_value?: number; maximum_value?: number; bin_size?: number };
  groups?: Array<
    TmlExtra & {
      name: string;
      conditions?: Array<
        TmlExtra & {
          /** `EQ`, `GT`, `BW` (between) … */
          operator?: string;
          value?: string[];
          column_name?: string;
        }
      >;
      /** `ALL` or `ANY` of the conditions. */
      combine_type?: string;
    }
  >;
  /** Which filters of the outer search reach the set's query: all, or only/except some columns. */
  pass_thru_filter?: TmlExtra & {
    accept_all?: boolean;
    include_column_ids?: string[];
    exclude_column_ids?: string[];
  };
}

export interface TmlCohort extends TmlExtra {
  name: string;
  description?: string;
  /** The model the set is built on (`models` in some of the page's examples) … */
  model?: TmlObjectRef;
  models?: TmlObjectRef;
  /** … or the worksheet, in files from before Models. */
  worksheet?: TmlObjectRef;
  /** Query sets: the query. */
  answer?: TmlAnswer;
  config?: TmlCohortConfig;
  /** Only administrators may change it. */
  owner?: string;
}

/** One Spotter feedback entry: a phrase and the search it stands for. */
export interface TmlFeedbackEntry extends TmlExtra {
  id?: string;
  /** `REFERENCE_QUESTION` or `BUSINESS_TERM`. */
  type?: string;
  /** `GLOBAL` or `USER`. */
  access?: string;
  feedback_phrase?: string;
  parent_question?: string;
  search_tokens?: string;
  /** `UPVOTE` or `DOWNVOTE`. */
  rating?: string;
  display_mode?: string;
  chart_type?: string;
  formula_info?: TmlFormula[];
}

/** `nls_feedback:` (and the older `feedback:`): Spotter feedback on a model. */
export interface TmlFeedback extends TmlExtra {
  feedback?: TmlFeedbackEntry[];
}

export interface TmlCollection extends TmlExtra {
  name: string;
  description?: string;
  /** The objects in the collection: answers, Liveboards and collections, by name, type and GUID. */
  content?: Array<TmlExtra & { name?: string; type?: string; id?: string }>;
  /** Not on the reference page (kept from an earlier layout; unverified). */
  metadata?: Array<TmlExtra & { type?: string; identifiers?: TmlObjectRef[] }>;
}

/** When a scheduled alert runs: a cron-like spec in a time zone. */
export interface TmlAlertFrequency extends TmlExtra {
  cron?: TmlExtra & {
    second?: string;
    minute?: string;
    hour?: string;
    day_of_month?: string;
    month?: string;
    day_of_week?: string;
  };
  time_zone?: string;
  start_time?: string | number;
  end_time?: string | number;
  /** `HOURLY`, `DAILY`, `WEEKLY`, `MONTHLY` … */
  frequency_granularity?: string;
}

/** The condition of a threshold alert. */
export interface TmlAlertCondition extends TmlExtra {
  /** `COMPARATOR_GT`, `COMPARATOR_LT`, `COMPARATOR_EQ` …, `PERCENTAGE_CHANGE_COMPARATOR_INCREASES_BY` … */
  comparator?: string;
  threshold?: TmlExtra & { value?: number | string };
}

/** A KPI alert (Monitor): which KPI it watches, when it runs, what triggers it, who gets it. */
export interface TmlMonitorAlert extends TmlExtra {
  /** Each alert of an alerts file carries its own GUID. */
  guid?: string;
  name: string;
  description?: string;
  /** `SCHEDULED`, `THRESHOLD`, `ANOMALY` … */
  alert_type?: string;
  /** Who created the alert; `username` wins over `user_email`. */
  creator?: TmlExtra & { username?: string; user_email?: string; email?: string };
  frequency_spec?: TmlAlertFrequency;
  /** The KPI: a Liveboard visualization or an answer. */
  metric_id?: TmlExtra & {
    pinboard_viz_id?: TmlExtra & { pinboard_id?: string; viz_id?: string };
    answer_id?: string;
    /** A personalised Liveboard view whose filters and parameters the alert applies (org-specific). */
    personalised_view_id?: string;
  };
  /** Threshold alerts only: a fixed comparison or a percentage change. */
  condition?: TmlExtra & {
    simple_condition?: TmlAlertCondition;
    percentage_change_condition?: TmlAlertCondition;
  };
  /** The users who get the alert, by `username` or `user_email`. */
  subscribed_user?: Array<
    TmlExtra & {
      username?: string;
      user_email?: string;
      /** Not on the reference page (earlier layout; unverified). */
      user?: TmlExtra & { name?: string; email?: string };
    }
  >;
  custom_message?: string;
}

// ---- custom action, role, group, user -------------------------------------
// No public exported file of these kinds was found: their keys follow the fields ThoughtSpot's
// REST API takes for the same objects (createCustomAction, createRole, createUserGroup,
// createUser). Whatever else an export holds is kept as TmlExtra.

/** `action_object:` a custom action (a URL or callback action on visualizations and answers). */
export interface TmlActionObject extends TmlExtra {
  name: string;
  description?: string;
  action_details?: TmlExtra & {
    CALLBACK?: TmlExtra & { reference?: string };
    URL?: TmlExtra & {
      url?: string;
      reference?: string;
      authentication?: TmlExtra;
      parameters?: Array<TmlExtra & { key?: string; value?: string }>;
    };
  };
  /** Shown on every visualization and answer (`true`) or only where associated. */
  default_action_config?: TmlExtra & { visibility?: boolean };
  /** The objects the action is attached to, and where it shows on them. */
  associate_metadata?: Array<
    TmlExtra & {
      identifier?: string;
      /** `VISUALIZATION`, `ANSWER`, `WORKSHEET`. */
      type?: string;
      /** `position`: `MENU`, `PRIMARY`, `CONTEXT_MENU`. */
      action_config?: TmlExtra & { position?: string; visibility?: boolean };
    }
  >;
  group_identifiers?: string[];
}

/** `role:` a named set of privileges, given to groups. */
export interface TmlRole extends TmlExtra {
  name: string;
  description?: string;
  /** `DATADOWNLOADING`, `USERDATAUPLOADING`, `SHAREWITHALL` … */
  privileges?: string[];
  read_only?: boolean;
}

/** `group:` a user group. */
export interface TmlGroup extends TmlExtra {
  name: string;
  display_name?: string;
  description?: string;
  privileges?: string[];
  /** `LOCAL_GROUP`, `LDAP_GROUP`, `TEAM_GROUP`, `TENANT_GROUP`. */
  type?: string;
  /** `SHARABLE` or `NON_SHARABLE`. */
  visibility?: string;
  sub_group_identifiers?: string[];
  user_identifiers?: string[];
  role_identifiers?: string[];
  default_liveboard_identifiers?: string[];
}

/** `user:` a user (never a password: exports carry none, and imports should not). */
export interface TmlUser extends TmlExtra {
  name: string;
  display_name?: string;
  email?: string;
  /** `LOCAL_USER`, `LDAP_USER`, `SAML_USER`, `OIDC_USER`, `REMOTE_USER`. */
  account_type?: string;
  /** `ACTIVE`, `INACTIVE`, `EXPIRED`, `LOCKED`, `PENDING`, `SUSPENDED`. */
  account_status?: string;
  visibility?: string;
  org_identifiers?: string[];
  group_identifiers?: string[];
  notify_on_share?: boolean;
  show_onboarding_experience?: boolean;
  onboarding_experience_completed?: boolean;
  home_liveboard_identifier?: string;
  preferred_locale?: string;
  use_browser_language?: boolean;
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
  nls_feedback: TmlFeedback;
  feedback: TmlFeedback;
  collection: TmlCollection;
  /** An alerts file holds a list of alerts (the reference page's layout); one object is read too. */
  monitor_alert: TmlMonitorAlert[] | TmlMonitorAlert;
  action_object: TmlActionObject;
  role: TmlRole;
  group: TmlGroup;
  user: TmlUser;
}

/** A kind this SDK types. */
export type TmlType = keyof TmlBodies;

/** Any kind, known or not: unknown kinds are kept as untyped documents. */
export type TmlKind = TmlType | (string & {});

/** The keys beside the kind key. */
export interface TmlEnvelope {
  guid?: string;
  obj_id?: string;
}

/**
 * One TML file of kind T: an optional `guid` (and `obj_id`) plus one body under its kind key. The
 * other kind keys are declared absent, which is what lets `if (doc.liveboard)` pick the kind out
 * of a TmlDocument; other top-level keys are kept as TmlExtra. (The named documents below are this
 * type written out, checked equal in test/types/tml.test-d.ts: a consumer's type-check then
 * instantiates nothing to read them.)
 */
export type TmlDocumentOf<T extends TmlType> = TmlEnvelope & {
  [K in T]: TmlBodies[K];
} & { [K in Exclude<TmlType, T>]?: undefined } & TmlExtra;

/**
 * The connection file older releases export, with no `connection:` wrapper. Its `table:` is a list
 * (the connection's tables), so `if (doc.table)` on a TmlDocument leaves this member in: use
 * `isTmlOfType(doc, "table")` to get a table.
 */
export type LegacyConnectionTml = TmlConnection &
  TmlEnvelope & {
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A document whose kind this SDK does not know: kept as read. */
export type UntypedTml = { guid?: string; obj_id?: string } & TmlExtra;

/**
 * A parsed TML document: a union on the kind key, so `if (doc.liveboard)` and
 * `isTmlOfType(doc, "liveboard")` narrow it (`"liveboard" in doc` narrows `doc.liveboard` to
 * `TmlLiveboard | undefined`: TypeScript keeps every member that declares the key). The legacy
 * connection file (no `connection:` wrapper, older releases) is a member too, with a `table:` list.
 */
export type TmlDocument =
  | TableTml
  | ViewTml
  | SqlViewTml
  | WorksheetTml
  | ModelTml
  | AnswerTml
  | LiveboardTml
  | PinboardTml
  | ConnectionTml
  | CohortTml
  | FeedbackTml
  | LegacyFeedbackTml
  | CollectionTml
  | MonitorAlertTml
  | ActionObjectTml
  | RoleTml
  | GroupTml
  | UserTml
  | LegacyConnectionTml;

/** A Table file (`table:`). */
export type TableTml = TmlEnvelope &
  TmlExtra & {
    table: TmlBodies["table"];
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A View file (`view:`). */
export type ViewTml = TmlEnvelope &
  TmlExtra & {
    view: TmlBodies["view"];
    table?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A SQL view file (`sql_view:`). */
export type SqlViewTml = TmlEnvelope &
  TmlExtra & {
    sql_view: TmlBodies["sql_view"];
    table?: undefined;
    view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A Worksheet file (`worksheet:`). */
export type WorksheetTml = TmlEnvelope &
  TmlExtra & {
    worksheet: TmlBodies["worksheet"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A Model file (`model:`). */
export type ModelTml = TmlEnvelope &
  TmlExtra & {
    model: TmlBodies["model"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** An Answer file (`answer:`). */
export type AnswerTml = TmlEnvelope &
  TmlExtra & {
    answer: TmlBodies["answer"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A Liveboard file (`liveboard:`). */
export type LiveboardTml = TmlEnvelope &
  TmlExtra & {
    liveboard: TmlBodies["liveboard"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A Liveboard file under `pinboard:`, the pre-Liveboard key ThoughtSpot still reads. */
export type PinboardTml = TmlEnvelope &
  TmlExtra & {
    pinboard: TmlBodies["pinboard"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A connection file (`connection:`). */
export type ConnectionTml = TmlEnvelope &
  TmlExtra & {
    connection: TmlBodies["connection"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A cohort (set) file (`cohort:`). */
export type CohortTml = TmlEnvelope &
  TmlExtra & {
    cohort: TmlBodies["cohort"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A Spotter feedback file (`nls_feedback:`). */
export type FeedbackTml = TmlEnvelope &
  TmlExtra & {
    nls_feedback: TmlBodies["nls_feedback"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A Spotter feedback file under the older `feedback:` key. */
export type LegacyFeedbackTml = TmlEnvelope &
  TmlExtra & {
    feedback: TmlBodies["feedback"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A collection file (`collection:`). */
export type CollectionTml = TmlEnvelope &
  TmlExtra & {
    collection: TmlBodies["collection"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A monitor alert file (`monitor_alert:`). */
export type MonitorAlertTml = TmlEnvelope &
  TmlExtra & {
    monitor_alert: TmlBodies["monitor_alert"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A custom action file (`action_object:`). */
export type ActionObjectTml = TmlEnvelope &
  TmlExtra & {
    action_object: TmlBodies["action_object"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    role?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A role file (`role:`). */
export type RoleTml = TmlEnvelope &
  TmlExtra & {
    role: TmlBodies["role"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    group?: undefined;
    user?: undefined;
  };

/** A group file (`group:`). */
export type GroupTml = TmlEnvelope &
  TmlExtra & {
    group: TmlBodies["group"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    user?: undefined;
  };

/** A user file (`user:`). */
export type UserTml = TmlEnvelope &
  TmlExtra & {
    user: TmlBodies["user"];
    table?: undefined;
    view?: undefined;
    sql_view?: undefined;
    worksheet?: undefined;
    model?: undefined;
    answer?: undefined;
    liveboard?: undefined;
    pinboard?: undefined;
    connection?: undefined;
    cohort?: undefined;
    nls_feedback?: undefined;
    feedback?: undefined;
    collection?: undefined;
    monitor_alert?: undefined;
    action_object?: undefined;
    role?: undefined;
    group?: undefined;
  };
