package jp.tsunagu.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.shared.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/** 事業調書: the yearly evaluation of each measure and its approval workflow. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "事業調書", description = "年度ごとの取組結果・今後の方向性と、提出・承認・差戻し")
@SecurityRequirement(name = "bearer")
public class EvaluationResource {

    private final EvaluationService service;
    private final Caller caller;
    private final jp.tsunagu.indicator.IndicatorSheetText indicatorText;
    private final SheetImport sheetImport;

    EvaluationResource(EvaluationService service, Caller caller, jp.tsunagu.indicator.IndicatorSheetText indicatorText,
                       SheetImport sheetImport) {
        this.service = service;
        this.sheetImport = sheetImport;
        this.caller = caller;
        this.indicatorText = indicatorText;
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Path("/plans/{plan}/evaluation-sheet")
    @Produces({XLSX, "text/csv", "text/tab-separated-values"})
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "exportEvaluationSheet",
            summary = "事業調書を市の様式で出力する（XLSX は A4 横・見出し行の繰り返し・折り返し。CSV / TSV も可）")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "事業調書のファイル",
            content = {@org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = XLSX,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv",
                            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/tab-separated-values",
                            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-problems", value = "400,401,403,404")
    public jakarta.ws.rs.core.Response exportEvaluationSheet(
            @Parameter(example = "kitakyushu-ikiiki2") @PathParam("plan") String plan,
            @Parameter(required = true, example = "2022") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear,
            @Parameter(description = "xlsx（既定）/ csv / tsv", example = "xlsx") @QueryParam("format") @jakarta.ws.rs.DefaultValue("xlsx") String format) {
        if (fiscalYear == null) {
            throw ProblemException.invalid("fiscalYear", "必須項目です");
        }
        EvaluationSheet sheet = service.sheet(plan, fiscalYear, indicatorText);
        String base = plan + "-evaluation-" + fiscalYear;
        return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "xlsx" -> file(SheetFiles.xlsx(sheet), XLSX, base + ".xlsx", sheet);
            case "csv" -> file(SheetFiles.delimited(sheet, ',', true), "text/csv; charset=UTF-8", base + ".csv", sheet);
            case "tsv" -> file(SheetFiles.delimited(sheet, '\t', false), "text/tab-separated-values; charset=UTF-8", base + ".tsv", sheet);
            default -> throw ProblemException.invalid("format", "xlsx, csv, tsv のいずれかを指定してください");
        };
    }

    @POST
    @Path("/plans/{plan}/imports")
    @Consumes({"text/tab-separated-values", "text/csv", XLSX, "application/octet-stream", "text/plain"})
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "importEvaluationSheet",
            summary = "市の様式の事業調書（TSV / CSV（UTF-8・Shift_JIS）/ XLSX）を取り込む。commit=false なら試行のみ（行ごとの変更と問題の一覧）、commit=true で全部を反映（誤りがあれば何も反映せず 422）")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = {
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/tab-separated-values",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = XLSX,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-problems", value = "422")
    public ImportReport importEvaluationSheet(
            @Parameter(example = "kitakyushu-ikiiki2") @PathParam("plan") String plan,
            @Parameter(description = "年度（見出しに書かれていれば省略可）", example = "2022") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear,
            @Parameter(description = "true で反映する（既定は試行のみ）") @QueryParam("commit") @jakarta.ws.rs.DefaultValue("false") boolean commit,
            @Parameter(description = "元のファイル名（形式の判別に使う）", example = "事業調書.tsv") @jakarta.ws.rs.HeaderParam("X-File-Name") String fileName,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
            byte[] body) {
        String name = fileName == null ? null : java.net.URLDecoder.decode(fileName, java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<java.util.List<String>> table = jp.tsunagu.shared.UploadedTable.read(body == null ? new byte[0] : body, contentType, name);
        return sheetImport.run(plan, table, fiscalYear, commit, caller.name());
    }

    private static jakarta.ws.rs.core.Response file(byte[] body, String type, String name, EvaluationSheet sheet) {
        String japanese = sheet.title + "（" + jp.tsunagu.shared.FiscalYears.format(sheet.fiscalYear) + "）" + name.substring(name.lastIndexOf('.'));
        return jakarta.ws.rs.core.Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(japanese, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @GET
    @Path("/plans/{plan}/evaluations")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getEvaluationOverview", summary = "計画・年度の事業調書の状況（状態別・自己評価別の件数、遅れているもの）")
    public EvaluationOverview getEvaluationOverview(@Parameter(example = "kitakyushu-ikiiki2") @PathParam("plan") String plan,
                                                    @Parameter(required = true, example = "2022") @QueryParam("fiscalYear") @Min(1989) @Max(2200) Integer fiscalYear) {
        if (fiscalYear == null) {
            throw ProblemException.invalid("fiscalYear", "必須項目です");
        }
        return service.overview(plan, fiscalYear, Clock.systemUTC());
    }

    @GET
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.VIEWER_ROLE})
    @Operation(operationId = "getEvaluation", summary = "項目・年度の事業調書と、その経過")
    public EvaluationResponse getEvaluation(@PathParam("plan") String plan, @Parameter(example = "63") @PathParam("node") String node,
                                            @Parameter(example = "2022") @PathParam("fiscalYear") int fiscalYear) {
        return service.get(plan, node, fiscalYear);
    }

    @PUT
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "writeEvaluation", summary = "事業調書を書く（新規は下書き。提出済み・承認済みは 409）")
    public EvaluationResponse writeEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                              @PathParam("fiscalYear") @Min(1989) @Max(2200) int fiscalYear,
                                              @Valid @NotNull EvaluationRequest request) {
        return service.write(plan, node, fiscalYear, request, caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/submit")
    @RolesAllowed({Role.ADMIN_ROLE, Role.PLANNER_ROLE})
    @Operation(operationId = "submitEvaluation", summary = "提出する（下書き・差戻しから）")
    public EvaluationResponse submitEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                               @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull TransitionRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.SUBMITTED, request.version(), request.comment(), caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/approve")
    @RolesAllowed(Role.APPROVER_ROLE)
    @Operation(operationId = "approveEvaluation", summary = "承認する（提出済みから）")
    public EvaluationResponse approveEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                                @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull TransitionRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.APPROVED, request.version(), request.comment(), caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/return")
    @RolesAllowed(Role.APPROVER_ROLE)
    @Operation(operationId = "returnEvaluation", summary = "コメントを付けて作成者に差し戻す（提出済みから）")
    public EvaluationResponse returnEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                               @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull ReturnRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.RETURNED, request.version(), request.comment(), caller.name());
    }

    @POST
    @Path("/plans/{plan}/evaluations/{node}/{fiscalYear}/reopen")
    @RolesAllowed(Role.APPROVER_ROLE)
    @Operation(operationId = "reopenEvaluation", summary = "承認済みの事業調書を再開して編集できるようにする（理由は必須で記録に残り、その年度の指標の値も再び変更できるようになる）")
    public EvaluationResponse reopenEvaluation(@PathParam("plan") String plan, @PathParam("node") String node,
                                               @PathParam("fiscalYear") int fiscalYear, @Valid @NotNull ReopenRequest request) {
        return service.transition(plan, node, fiscalYear, EvaluationStatus.DRAFT, request.version(), request.reason(), caller.name());
    }
}
