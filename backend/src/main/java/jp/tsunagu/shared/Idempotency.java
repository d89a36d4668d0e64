package jp.tsunagu.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.RestResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creating POSTs (IETF draft-ietf-httpapi-idempotency-key-header): a client that did
 * not hear the answer (a dropped connection, a double click) sends the same request with the same key again and
 * gets the first answer, marked {@code Idempotent-Replayed: true}, instead of a second record.
 *
 * <p>Keys belong to the caller and last 24 hours. The key's row is inserted in the transaction that creates the
 * record and holds the answer, so the two exist together or not at all: a request that fails leaves no key behind
 * and can be retried, and a repeat that arrives while the first is still running waits on the row's primary key,
 * then replays. The same key with a different body (or for a different operation) is refused with 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final EntityManager em;
    private final ObjectMapper json;

    Idempotency(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * 201 with what {@code create} made, once per (actor, key): {@code operation} names what is done (with the
     * path's ids), {@code request} is the body; without a key, simply creates. A replay hands the kept answer to
     * {@code replayed} before it goes out, in the same transaction: the answer carries personal data, and its
     * reading is audited like any other.
     */
    @Transactional
    public <T> RestResponse<T> created(String actor, String key, String operation, Object request, Class<T> type, Supplier<T> create,
                                       java.util.function.Consumer<T> replayed) {
        if (key == null) {
            return RestResponse.status(RestResponse.Status.CREATED, create.get());
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.badRequest("idempotency-key-invalid",
                    "Idempotency-Key は 1〜255 文字の英数字・記号（空白なし）で指定してください。");
        }
        byte[] fingerprint = fingerprint(operation, request);
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            em.createNativeQuery("delete from idempotency_key where created_at < now() - interval '24 hours'").executeUpdate();
        }
        em.createNativeQuery("delete from idempotency_key where actor = ?1 and key = ?2 and created_at < now() - interval '24 hours'")
                .setParameter(1, actor).setParameter(2, key).executeUpdate();
        int claimed = em.createNativeQuery("insert into idempotency_key (actor, key, fingerprint) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, actor).setParameter(2, key).setParameter(3, fingerprint).executeUpdate();
        if (claimed == 0) {
            RestResponse<T> replay = replay(actor, key, fingerprint, type);
            replayed.accept(replay.getEntity());
            return replay;
        }
        T created = create.get();
        try {
            em.createNativeQuery("update idempotency_key set body = ?3 where actor = ?1 and key = ?2")
                    .setParameter(1, actor).setParameter(2, key).setParameter(3, json.writeValueAsString(created)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not keep the answer for Idempotency-Key " + key, e);
        }
        return RestResponse.status(RestResponse.Status.CREATED, created);
    }

    private <T> RestResponse<T> replay(String actor, String key, byte[] fingerprint, Class<T> type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select fingerprint, body from idempotency_key where actor = ?1 and key = ?2")
                .setParameter(1, actor).setParameter(2, key).getResultList();
        if (rows.isEmpty()) { // expired and removed by another request in between: rare, and a retry settles it
            throw ProblemException.conflict("idempotency-key-busy", "同じ Idempotency-Key のリクエストと重なりました。もう一度お試しください。");
        }
        if (!Arrays.equals((byte[]) rows.get(0)[0], fingerprint)) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "この Idempotency-Key は別の内容のリクエストに使われています。新しい内容には新しいキーを使ってください。");
        }
        try {
            T body = json.readValue((String) rows.get(0)[1], type);
            return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, body).header(REPLAYED, "true").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read the answer kept for Idempotency-Key " + key, e);
        }
    }

    private byte[] fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return sha.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }
}
