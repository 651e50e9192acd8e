package io.roomcast.embedded.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Marks a test class that needs a Docker engine (a real MongoDB through Testcontainers). Where
 * there is none, JUnit reports every test of the class as skipped, with {@link
 * MongoTargets#DOCKER_MISSING} as the reason, instead of silently running nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {

  /** Disables the annotated class when {@link MongoTargets#dockerAvailable()} says no. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (MongoTargets.dockerAvailable()) {
        return ConditionEvaluationResult.enabled("Docker engine available");
      }
      // Build logs show skipped classes only as counts; say why, next to the class name.
      LoggerFactory.getLogger(context.getRequiredTestClass())
          .warn("{}: {}", context.getDisplayName(), MongoTargets.DOCKER_MISSING);
      return ConditionEvaluationResult.disabled(MongoTargets.DOCKER_MISSING);
    }
  }
}
