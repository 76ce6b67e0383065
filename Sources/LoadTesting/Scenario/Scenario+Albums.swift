extension Scenario {
    /// The scenarios `--scenario` accepts by name.
    public static let builtIn: [String: Scenario] = [
        albums.name: albums,
        albumsByID.name: albumsByID,
    ]

    /// The original study's workload: GET /albums and POST /albums with a generated album, 3:1,
    /// no wait between tasks.
    public static let albums = Scenario(name: "albums", userTypes: [
        UserType("AlbumUser", tasks: [
            LoadTask(LoadRequest(path: "/albums"), weight: 3),
            createAlbumTask(capturesID: false),
        ])
    ])

    /// GET /albums/{id} of known ids (the three seeded albums and those this user created)
    /// and POST /albums, 3:1, no wait between tasks.
    public static let albumsByID = albumsByID(reads: 3, writes: 1)

    /// GET /albums/{id} of known ids and POST /albums at `reads`:`writes`, no wait between
    /// tasks; named "albums-by-id" at 3:1 and "albums-by-id-READS-to-WRITES" otherwise.
    package static func albumsByID(reads: Int, writes: Int) -> Scenario {
        let name = reads == 3 && writes == 1 ? "albums-by-id" : "albums-by-id-\(reads)-to-\(writes)"
        return Scenario(name: name, userTypes: [
            UserType("AlbumByIDUser", tasks: [
                LoadTask("/albums/{id}", weight: reads) { context in
                    let id = context.randomCaptured(albumIDCapture) ?? String(context.randomInteger(in: 1...3))
                    return LoadRequest(path: "/albums/\(id)", name: "/albums/{id}")
                },
                createAlbumTask(capturesID: true, weight: writes),
            ])
        ])
    }

    /// The name under which `albums-by-id` keeps the ids of albums it created.
    static let albumIDCapture = "albumID"

    private static func createAlbumTask(capturesID: Bool, weight: Int = 1) -> LoadTask {
        let request: @Sendable (inout UserContext) -> LoadRequest = { context in
            let number = context.nextCount("album")
            let price = Double(context.randomInteger(in: 100...9_999)) / 100
            let json = #"{"title":"Load test album \#(context.userIndex)-\#(number)","artist":"ScaleLab","price":\#(price)}"#
            return LoadRequest(method: "POST", path: "/albums", json: json, expectedStatuses: [201])
        }
        guard capturesID else { return LoadTask("/albums", weight: weight, request: request) }
        return LoadTask("/albums", weight: weight, request: request) { _, body, context in
            if let id = JSONField.strings(named: ["id"], in: body)["id"] { context.capture(id, as: albumIDCapture) }
        }
    }
}
