package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * Calls an operation as a test means it: with a request id to find its audit record by, and, when
 * the tenant's request budget runs out (429), again after the wait the service asks for, so a test
 * that makes hundreds of calls measures the endpoint, not the rate limiter.
 */
public final class ApiCalls {

    private ApiCalls() {
    }

    public static Response call(Stack stack, ApiOperation operation, String path, String token, String body,
            String requestId) {
        for (int attempt = 0; ; attempt++) {
            RequestSpecification request = given().baseUri(stack.url(operation.service()))
                    .header("X-Request-Id", requestId).urlEncodingEnabled(false);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.contentType(operation.bodyType()).body(body);
            }
            Response answer = request.when().request(operation.method(), path);
            if (answer.statusCode() != 429 || attempt == 20) {
                return answer;
            }
            pause(answer.header("Retry-After"));
        }
    }

    public static Response call(Stack stack, ApiOperation operation, String path, String token, String body) {
        return call(stack, operation, path, token, body, "e2e-" + UUID.randomUUID());
    }

    private static void pause(String retryAfter) {
        long millis = 1_000;
        try {
            millis = Math.min(5_000, Long.parseLong(retryAfter.trim()) * 1_000);
        } catch (NullPointerException | NumberFormatException e) {
            // no wait given in seconds: a second
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
