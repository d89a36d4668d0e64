package jp.tsunagu.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaReferences;

import java.util.Optional;

@ApplicationScoped
class DirectoryAreaReferences implements AreaReferences {

    private final ConsultationWindowRepository windows;

    DirectoryAreaReferences(ConsultationWindowRepository windows) {
        this.windows = windows;
    }

    @Override
    public Optional<String> describeUsesOf(Area area) {
        long count = windows.countContactsServing(area);
        return count == 0 ? Optional.empty() : Optional.of("相談窓口の担当 " + count + " 件");
    }
}
