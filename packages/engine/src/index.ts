/**
 * @jobtrial/engine: national scale. The portable SQL that turns spells or the weekly
 * benefit panel into counted rows (printed for DuckDB, PostgreSQL, Spark SQL and Trino),
 * DuckDB embedded to run it over CSV and Parquet files, and the choice between DuckDB
 * and the in-memory path by input size. The estimates themselves come from
 * @jobtrial/survival, which takes counted rows and gives the per-person numbers.
 *
 * This file is the package's only door.
 */
export { chooseEngine, DEFAULT_ENGINE_THRESHOLD_BYTES, ENGINES, type Engine } from "./choose-engine.ts";
export { duckDbViewSql, runDuckDbCounts, runDuckDbEpisodeCounts, sniffFile, type CountedEpisodes, type CountedRows, type DuckDbOptions, type FileReader } from "./duckdb-engine.ts";
export { EngineError, type EngineIssue, type IndicatorCountsProblem } from "./messages.ts";
export { answerIndicatorRequests, INDICATOR_COUNTS_COLUMNS, indicatorAnswersFromRows, INDICATOR_EXTENT_SQL, indicatorCountsScript, indicatorCountsSql, indicatorPersonsSql, runDuckDbIndicatorCounts, type IndicatorCountAnswer, type IndicatorCountRequest, type IndicatorCountsOptions, type IndicatorCountsRow, type IndicatorFiles, type IndicatorMeasure, type IndicatorPopulation } from "./indicator-counts.ts";
export { benefitWeeksCountsSql, COUNTED_COLUMNS, DIALECTS, episodesCountsSql, firstSpellCountsSql, panelCountsSql, quoteIdentifier, spellsCountsSql, type BenefitWeeksQuery, type Dialect, type EpisodesQuery, type FirstSpellQuery, type PanelQuery, type SpellsQuery } from "./queries.ts";
