## The R side of bench/survival-bench.ts: the same pipeline as `jobtrial survival
## <csv> --tau 182,364` (read, Kaplan-Meier with log-log band and median, log-rank,
## RMST at two horizons, Cox with Efron ties). Prints one JSON line with the elapsed
## time of the pipeline inside R (after loading the packages) and the hazard ratio.
##   Rscript bench/survival-bench.R bench/out/survival-1000000.csv
suppressPackageStartupMessages({
  library(survival)
  library(data.table)
})
file <- commandArgs(trailingOnly = TRUE)[1]
started <- proc.time()[["elapsed"]]
d <- fread(file, select = c("time", "event", "group"))
d[, group := factor(group, levels = c("control", "intervention"))]
fit <- survfit(Surv(time, event) ~ group, data = d, conf.type = "log-log")
medians <- summary(fit)$table[, c("median", "0.95LCL", "0.95UCL")]
logrank <- survdiff(Surv(time, event) ~ group, data = d)
rmst <- lapply(c(182, 364), function(tau) summary(fit, rmean = tau)$table[, c("rmean", "se(rmean)")])
cox <- coxph(Surv(time, event) ~ group, data = d, ties = "efron")
elapsed <- proc.time()[["elapsed"]] - started
cat(sprintf('{"seconds": %.3f, "n": %d, "chisq": %.10g, "hr": %.12g}\n', elapsed, nrow(d), logrank$chisq, exp(coef(cox))))
