# Expands the doc syntax outlines below into key paths. Run once; output committed as a fixture.
COLPROPS = """column_type aggregation index_type index_priority synonyms synonym_type is_attribution_dimension
is_additive is_hidden calendar format_pattern spotiq_preference custom_order ai_context value_casing
currency_type.is_browser currency_type.column currency_type.iso_code
geo_config.latitude geo_config.longitude geo_config.country geo_config.region_name.country
geo_config.region_name.region_name geo_config.custom_file_guid""".split()
REF = ["name", "id", "fqn"]
JOINS = ["name", "source", "destination", "type", "on", "is_one_to_one"]
TABLE_PATHS = ["id", "table", "join_path[].join"]
FORMULAS = ["id", "name", "expr", "was_auto_generated", "properties.data_type"] + [f"properties.{p}" for p in ["column_type", "aggregation"]]
FILTERS = ["column", "oper", "values", "date_filter.type", "date_filter.date_period", "date_filter.number", "date_filter.oper"]
PARAMS = ["id", "name", "data_type", "default_value", "description", "range_config.range_min", "range_config.range_max",
          "range_config.include_min", "range_config.include_max", "list_config.list_choice[].value", "list_config.list_choice[].display_name"]
JOINS_WITH = ["name", "description", "destination.name", "destination.fqn", "on", "type", "is_one_to_one"]
OBJPROPS = ["is_bypass_rls", "join_progressive", "spotter_config.is_spotter_enabled"]
def under(prefix, keys): return [f"{prefix}.{k}" for k in keys]
out = {}
def add(kind, source, paths): out.setdefault((kind, source), []).extend(paths)

t = "table"
add(t, "https://docs.thoughtspot.com/cloud/latest/tml-tables", ["table.name", "table.description", "table.db", "table.schema", "table.db_table",
  "table.connection.name", "table.connection.fqn"] + under("table.columns[]", ["name", "description", "db_column_name", "db_column_properties.data_type"] + under("properties", COLPROPS))
  + under("table.joins_with[]", JOINS_WITH) + under("table.rls_rules.tables[]", ["name", "id", "fqn"]) + under("table.rls_rules.table_paths[]", TABLE_PATHS + ["column"])
  + under("table.rls_rules.rules[]", ["name", "expr"]) + under("table.properties", OBJPROPS))
for kind, url in [("worksheet", "tml-worksheets")]:
  add(kind, f"https://docs.thoughtspot.com/cloud/latest/{url}", [f"{kind}.name", f"{kind}.description"] + under(f"{kind}.tables[]", REF) + under(f"{kind}.joins[]", JOINS)
    + under(f"{kind}.table_paths[]", TABLE_PATHS) + under(f"{kind}.formulas[]", FORMULAS) + under(f"{kind}.filters[]", FILTERS) + under(f"{kind}.parameters[]", PARAMS)
    + under(f"{kind}.worksheet_columns[]", ["name", "description", "column_id", "formula_id"] + under("properties", COLPROPS)) + under(f"{kind}.properties", OBJPROPS))
m = "model"
add(m, "https://docs.thoughtspot.com/cloud/latest/tml-models", ["model.name", "model.description"] + under("model.model_tables[]", REF + ["alias"] + under("joins[]", ["name", "with", "on", "type", "cardinality", "referencing_join"]))
  + under("model.formulas[]", FORMULAS) + under("model.filters[]", FILTERS) + under("model.parameters[]", PARAMS)
  + under("model.columns[]", ["name", "description", "column_id", "formula_id"] + under("properties", COLPROPS)) + under("model.properties", OBJPROPS))
v = "view"
add(v, "https://docs.thoughtspot.com/cloud/latest/tml-views", ["view.name", "view.description", "view.search_query"] + under("view.tables[]", REF) + under("view.joins[]", JOINS)
  + under("view.table_paths[]", TABLE_PATHS) + under("view.formulas[]", FORMULAS) + under("view.filters[]", FILTERS) + under("view.parameters[]", PARAMS)
  + under("view.view_columns[]", ["name", "search_output_column"] + under("properties", COLPROPS)) + under("view.joins_with[]", JOINS_WITH))
s = "sql_view"
add(s, "https://docs.thoughtspot.com/cloud/latest/tml-sql-views", ["sql_view.name", "sql_view.description", "sql_view.sql_query", "sql_view.connection.name", "sql_view.connection.fqn"]
  + under("sql_view.sql_view_columns[]", ["name", "sql_output_column"] + under("properties", COLPROPS)) + under("sql_view.joins_with[]", JOINS_WITH))
def answer(prefix):
  return ([f"{prefix}.name", f"{prefix}.description", f"{prefix}.display_mode", f"{prefix}.search_query"] + under(f"{prefix}.tables[]", REF)
    + under(f"{prefix}.joins[]", JOINS) + under(f"{prefix}.table_paths[]", TABLE_PATHS) + under(f"{prefix}.formulas[]", FORMULAS)
    + under(f"{prefix}.parameters[]", PARAMS) + under(f"{prefix}.cohorts[]", ["name", "cohort_guid", "config.cohort_type", "config.cohort_grouping_type", "config.anchor_column_id"])
    + under(f"{prefix}.answer_columns[]", ["name", "custom_name", "format.category", "format.isCategoryEditable", "format.numberFormatConfig.unit", "format.numberFormatConfig.decimals",
        "format.numberFormatConfig.negativeValueFormat", "format.numberFormatConfig.toSeparateThousands", "format.numberFormatConfig.removeTrailingZeroes"])
    + under(f"{prefix}.table", ["table_columns[].column_id", "table_columns[].show_headline", "table_columns[].headline_aggregation", "ordered_column_ids", "client_state", "client_state_v2"])
    + under(f"{prefix}.chart", ["type", "chart_columns[].column_id", "axis_configs[].x", "axis_configs[].y", "axis_configs[].color", "axis_configs[].category",
        "axis_configs[].size", "client_state", "client_state_v2"]))
add("answer", "https://docs.thoughtspot.com/cloud/latest/tml-answers", answer("answer"))
l = "liveboard"
add(l, "https://docs.thoughtspot.com/cloud/latest/tml-liveboards", ["liveboard.name", "liveboard.description"]
  + under("liveboard.visualizations[]", ["id", "viz_guid", "display_headline_column"]) + answer("liveboard.visualizations[].answer")
  + under("liveboard.filters[]", FILTERS + ["display_name", "is_mandatory", "is_single_value", "excluded_visualizations"])
  + under("liveboard.layout.tiles[]", ["visualization_id", "x", "y", "height", "width", "size"])
  + under("liveboard.layout.tabs[]", ["name", "id", "description", "tiles[].visualization_id", "tiles[].x", "tiles[].y", "tiles[].height", "tiles[].width"])
  + under("liveboard.parameter_overrides[]", ["key", "value.name", "value.override_value"])
  + under("liveboard.views[]", ["view_guid", "name", "is_public", "view_filters[].column", "view_filters[].oper", "view_filters[].values",
      "view_parameters[].name", "view_parameters[].override_value"]))
add("connection", "https://docs.thoughtspot.com/cloud/latest/tml-connections", ["connection.name", "connection.type", "connection.authentication_type", "connection.description",
  "connection.properties[].key", "connection.properties[].value"])
add("cohort", "https://docs.thoughtspot.com/cloud/latest/tml-sets", ["cohort.name", "cohort.description"] + under("cohort.worksheet", REF)
  + under("cohort.config", ["cohort_type", "cohort_grouping_type", "anchor_column_id", "return_column_id", "null_output_value", "combine_non_group_values",
      "group_excluded_query_values", "bins.minimum_value", "bins.maximum_value", "bins.bin_size", "groups[].name", "groups[].combine_type"])
  + ["cohort.answer.name", "cohort.answer.search_query"] + under("cohort.answer.tables[]", REF))
add("monitor_alert", "https://docs.thoughtspot.com/cloud/latest/tml-alerts", ["monitor_alert.name", "monitor_alert.description", "monitor_alert.alert_type",
  "monitor_alert.creator.username", "monitor_alert.frequency_spec.cron.second", "monitor_alert.frequency_spec.cron.minute", "monitor_alert.frequency_spec.cron.hour",
  "monitor_alert.frequency_spec.cron.day_of_month", "monitor_alert.frequency_spec.cron.month", "monitor_alert.frequency_spec.cron.day_of_week",
  "monitor_alert.frequency_spec.time_zone", "monitor_alert.frequency_spec.start_time", "monitor_alert.frequency_spec.end_time",
  "monitor_alert.frequency_spec.frequency_granularity", "monitor_alert.metric_id.pinboard_viz_id.pinboard_id", "monitor_alert.metric_id.pinboard_viz_id.viz_id",
  "monitor_alert.metric_id.answer_id", "monitor_alert.condition.simple_condition.comparator", "monitor_alert.condition.simple_condition.threshold.value",
  "monitor_alert.subscribed_user[].user.name", "monitor_alert.subscribed_user[].user.email", "monitor_alert.custom_message"])
add("collection", "https://docs.thoughtspot.com/cloud/latest/tml-collections", ["collection.name", "collection.description", "collection.metadata[].type",
  "collection.metadata[].identifiers[].name", "collection.metadata[].identifiers[].fqn"])
add("nls_feedback", "test/fixtures/tml/kinds/sales.nls_feedback.tml (layout of ThoughtSpot's Spotter feedback export)", under("nls_feedback.feedback[]", ["id", "type", "access",
  "feedback_phrase", "parent_question", "search_tokens", "rating", "display_mode", "chart_type", "formula_info[].name", "formula_info[].expr"]))
API = "https://developers.thoughtspot.com/docs/rest-apiv2-reference (request fields of the same object; no public exported TML of this kind was found)"
add("action_object", API + " createCustomAction", ["action_object.name", "action_object.description", "action_object.action_details.CALLBACK.reference",
  "action_object.action_details.URL.url", "action_object.action_details.URL.reference", "action_object.action_details.URL.parameters[].key",
  "action_object.action_details.URL.parameters[].value", "action_object.default_action_config.visibility",
  "action_object.associate_metadata[].identifier", "action_object.associate_metadata[].type", "action_object.associate_metadata[].action_config.position",
  "action_object.associate_metadata[].action_config.visibility", "action_object.group_identifiers"])
add("role", API + " createRole", ["role.name", "role.description", "role.privileges", "role.read_only"])
add("group", API + " createUserGroup", ["group.name", "group.display_name", "group.description", "group.privileges", "group.type", "group.visibility",
  "group.sub_group_identifiers", "group.user_identifiers", "group.role_identifiers", "group.default_liveboard_identifiers"])
add("user", API + " createUser", ["user.name", "user.display_name", "user.email", "user.account_type", "user.account_status", "user.visibility",
  "user.org_identifiers", "user.group_identifiers", "user.notify_on_share", "user.show_onboarding_experience", "user.onboarding_experience_completed",
  "user.home_liveboard_identifier", "user.preferred_locale", "user.use_browser_language"])

lines = ["# Key paths of ThoughtSpot's TML schema, one a line, compiled by hand from the syntax sections of",
         "# ThoughtSpot's public TML reference pages (source named above each group). Read by",
         "# test/unit/tml-key-paths.test.ts together with every key path of the TML files in this folder",
         "# (exported by ThoughtSpot: corpus/, or laid out after the docs: kinds/ and the top level).",
         "# Never taken from the thoughtspot_tml package. `[]` marks a list item.", ""]
for (kind, source), paths in out.items():
  lines.append(f"# {kind}: {source}")
  seen = set()
  for p in paths:
    if p not in seen: seen.add(p); lines.append(p)
  lines.append("")
open("test/fixtures/tml/key-paths.txt", "w").write("\n".join(lines))
print(sum(len(set(v)) for v in out.values()))
