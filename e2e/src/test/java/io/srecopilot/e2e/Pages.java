package io.srecopilot.e2e;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads every page of a list endpoint (200 items a page, following {@code nextCursor}). */
public final class Pages {

    private Pages() {
    }

    /** What {@code itemsPath} (a GPath over one page) gives, for all pages. */
    public static <T> List<T> collect(Supplier<RequestSpecification> request, String path, String itemsPath) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = request.get().queryParam("limit", 200);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            Response answer = page.when().get(path);
            answer.then().statusCode(200);
            List<T> found = answer.path(itemsPath);
            items.addAll(found);
            cursor = answer.path("nextCursor");
        } while (cursor != null);
        return items;
    }
}
