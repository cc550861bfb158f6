package org.pactsim.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Log4j 2 (Spark's logging) at ERROR on stderr, for an embedded run whose terminal shows
 * pactsim's lines, not Spark's. A configuration of its own, so Spark, which replaces only
 * Log4j's default configuration with its INFO-level one, keeps it.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void install() {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setStatusLevel(Level.ERROR);
        b.add(b.newAppender("stderr", "Console").addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "spark: %p %c{1}: %m%n")));
        // the root at WARN, its appender at ERROR: a root at ERROR with one appender is what Spark
        // takes for Log4j's default configuration, and replaces
        b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("stderr").addAttribute("level", Level.ERROR)));
        Configurator.reconfigure(b.build());
    }
}
