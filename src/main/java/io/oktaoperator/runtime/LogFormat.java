package io.oktaoperator.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** The log output format: human-readable text, or one JSON object per line with the MDC fields. */
public enum LogFormat {
  TEXT,
  JSON;

  static final String JSON_CONFIGURATION = "/logback-json.xml";

  /**
   * Parses {@code LOG_FORMAT}; null or blank means text.
   *
   * @throws EnvironmentSettings.InvalidSettingException for another value
   */
  public static LogFormat parse(String value) {
    if (value == null || value.isBlank()) {
      return TEXT;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new EnvironmentSettings.InvalidSettingException(
          EnvironmentSettings.LOG_FORMAT + " must be text or json, not '" + value + "'");
    };
  }

  /** Switches Logback to this format; text is the configuration Logback starts with. */
  public void apply() {
    if (this == TEXT) {
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    URL configuration = LogFormat.class.getResource(JSON_CONFIGURATION);
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(configuration);
    } catch (JoranException e) {
      throw new IllegalStateException("The bundled JSON log configuration is invalid", e);
    }
  }
}
