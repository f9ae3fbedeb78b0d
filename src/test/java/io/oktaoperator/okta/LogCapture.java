package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A Logback {@link ListAppender} on the root logger that records every event while it is open, with
 * the operator's loggers turned up to TRACE so that DEBUG lines are recorded too.
 */
final class LogCapture implements AutoCloseable {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root;
  private final Logger operatorLogger;
  private final Level previousOperatorLevel;

  LogCapture() {
    LoggerContext context =
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory(), "SLF4J is not bound to Logback");
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    operatorLogger = context.getLogger("io.oktaoperator");
    previousOperatorLevel = operatorLogger.getLevel();
    operatorLogger.setLevel(Level.TRACE);

    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** Returns a copy of the events recorded so far. */
  List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** Returns the events whose logger name starts with {@code prefix}. */
  List<ILoggingEvent> eventsFrom(String prefix) {
    return events().stream().filter(event -> event.getLoggerName().startsWith(prefix)).toList();
  }

  /**
   * Returns everything a log line could show: each event's formatted message and arguments, and
   * the class and message of every throwable attached to it, causes and suppressed ones included.
   */
  String allText() {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : events()) {
      text.append(event.getFormattedMessage()).append('\n');
      if (event.getArgumentArray() != null) {
        for (Object argument : event.getArgumentArray()) {
          text.append(argument).append('\n');
        }
      }
      appendThrowable(text, event.getThrowableProxy());
    }
    return text.toString();
  }

  private static void appendThrowable(StringBuilder text, IThrowableProxy throwable) {
    List<IThrowableProxy> pending = new ArrayList<>();
    if (throwable != null) {
      pending.add(throwable);
    }
    while (!pending.isEmpty()) {
      IThrowableProxy current = pending.remove(pending.size() - 1);
      text.append(current.getClassName()).append(": ").append(current.getMessage()).append('\n');
      if (current.getCause() != null) {
        pending.add(current.getCause());
      }
      pending.addAll(List.of(current.getSuppressed()));
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    operatorLogger.setLevel(previousOperatorLevel);
  }
}
