package jp.tsunagu.shared;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents the problem+json error responses of every operation in one place, so that the contract
 * lists them all without each resource repeating them: 400 for every operation (input, or hostile bytes), 401/403 for
 * secured ones, 404 where a path names a record, 409 for updates and creations, 413/415 for bodies;
 * {@code x-problems} on an operation adds more, {@code x-status} renames its 200 (e.g. to 201).
 * The {@link Idempotency#HEADER} header, where an operation takes it, is described once, as a shared parameter.
 */
public class ProblemResponsesFilter implements OASFilter {

    private record Error(String code, String name, String description, String slug, String title, String detail) {
    }

    private static final List<Error> ERRORS = List.of(
            new Error("400", "BadRequest", "入力が正しくありません（項目ごとの errors 付き）", "validation-failed",
                    "入力内容に誤りがあります", "name: 必須項目です"),
            new Error("401", "Unauthorized", "認証されていません", "unauthorized", "認証が必要です",
                    "有効なアクセストークンを Authorization: Bearer で送ってください。"),
            new Error("403", "Forbidden", "必要なロールまたはスコープがありません", "forbidden", "権限がありません",
                    "この操作に必要な権限（ロールまたはスコープ）がありません。"),
            new Error("404", "NotFound", "対象がありません", "not-found", "見つかりません", "地域コード 40203-999 は見つかりません。"),
            new Error("409", "Conflict", "版の競合、または参照が残っている", "stale-version", "競合しています",
                    "このデータ は他の人が先に更新しました。最新の内容を読み込んでからやり直してください。"),
            new Error("413", "PayloadTooLarge", "リクエスト本文が大きすぎます", "payload-too-large", "リクエストが大きすぎます",
                    "リクエスト本文が上限（1 MiB）を超えています。"),
            new Error("415", "UnsupportedMediaType", "Content-Type が application/json ではありません", "unsupported-media-type",
                    "メディアタイプに対応していません", "Content-Type: application/json で送ってください。"),
            new Error("422", "Unprocessable", "形式は正しいが内容として処理できません", "unprocessable", "処理できない内容です",
                    "親に自分の子孫は指定できません。"),
            new Error("429", "TooManyRequests", "失敗が続いたため一時的に受け付けません", "too-many-attempts",
                    "しばらく待ってからお試しください", "ログインの失敗が続いたため、30 秒後までお待ちください。"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        for (Error error : ERRORS) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Problems.typeUri(error.slug()));
            example.put("title", error.title());
            example.put("status", Integer.parseInt(error.code()));
            example.put("detail", error.detail());
            components.addResponse(error.name(), OASFactory.createAPIResponse()
                    .description(error.description())
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                            .addExample("problem", OASFactory.createExample().value(example)))));
        }
        requireResponseProperties(components);
        components.addParameter("IdempotencyKey", OASFactory.createParameter()
                .name(Idempotency.HEADER).in(Parameter.In.HEADER).required(false)
                .description("同じ登録を二度しないためのキー（1〜255 文字、呼び出す人ごとに 24 時間有効）。応答が届かなかったときは同じキーと同じ内容で送り直すと、"
                        + "最初の応答が Idempotent-Replayed: true つきで返り、二件目は作られません。同じキーで内容が違うと 422。")
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                        .minLength(1).maxLength(255))
                .example("3f0c9a52-6f7e-4c1b-9d2e-0a8b7c6d5e4f"));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean namesRecord = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                addErrors(entry.getKey(), entry.getValue(), namesRecord);
                shareIdempotencyKey(entry.getValue());
                if (entry.getValue().getSecurity() == null) {
                    // Public (sign-in, setup): said explicitly, so that no tool takes it for a forgotten requirement.
                    entry.getValue().setSecurity(new java.util.ArrayList<>());
                }
            }
        }
    }

    /**
     * Everything the API writes is always present (possibly null where the schema says nullable), so
     * response schemas list all their properties as required; clients then need no guessing.
     * Requests and the problem (which omits empty members) keep what their annotations say.
     */
    private static void requireResponseProperties(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().forEach((name, schema) -> {
            if (name.endsWith("Request") || name.equals("Problem") || schema.getProperties() == null) {
                return;
            }
            schema.setRequired(new java.util.ArrayList<>(schema.getProperties().keySet()));
        });
    }

    private static void shareIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.setParameters(operation.getParameters().stream()
                .map(p -> Idempotency.HEADER.equals(p.getName()) && p.getIn() == Parameter.In.HEADER
                        ? OASFactory.createParameter().ref("#/components/parameters/IdempotencyKey") : p)
                .toList());
    }

    private static void addErrors(PathItem.HttpMethod method, Operation operation, boolean namesRecord) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean write = method != PathItem.HttpMethod.GET;
        Map<String, String> add = new TreeMap<>();
        // Any request may be refused 400: its input, or hostile bytes in its query or headers (HostileInputFilter).
        add.put("400", "BadRequest");
        if (secured) {
            add.put("401", "Unauthorized");
            add.put("403", "Forbidden");
        }
        if (namesRecord) {
            add.put("404", "NotFound");
        }
        Map<String, Object> extensions = operation.getExtensions() == null ? Map.of() : operation.getExtensions();
        Object status = extensions.get("x-status");
        boolean updatesOrCreates = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE || status != null;
        if (write && updatesOrCreates) {
            add.put("409", "Conflict");
        }
        if (hasBody) {
            add.put("413", "PayloadTooLarge");
            add.put("415", "UnsupportedMediaType");
        }
        Object extra = extensions.get("x-problems");
        if (extra != null) {
            for (String code : extra.toString().split(",")) {
                ERRORS.stream().filter(e -> e.code().equals(code.strip())).forEach(e -> add.put(e.code(), e.name()));
            }
            operation.removeExtension("x-problems");
        }
        if (status != null && responses.getAPIResponse("200") != null) {
            APIResponse ok = responses.getAPIResponse("200");
            responses.removeAPIResponse("200");
            responses.addAPIResponse(status.toString(), ok.description("作成しました"));
            operation.removeExtension("x-status");
        }
        add.forEach((code, name) -> {
            APIResponse existing = responses.getAPIResponse(code);
            // Replace SmallRye's bare defaults (e.g. "400 Bad Request" without a body) with the problem.
            if (existing == null || (existing.getRef() == null && existing.getContent() == null)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
            }
        });
        operation.setResponses(responses);
    }
}
