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
    public static let albumsByID = Scenario(name: "albums-by-id", userTypes: [
        UserType("AlbumByIDUser", tasks: [
            LoadTask("/albums/{id}", weight: 3) { context in
                let id = context.randomCaptured(albumIDCapture) ?? String(context.randomInteger(in: 1...3))
                return LoadRequest(path: "/albums/\(id)", name: "/albums/{id}")
            },
            createAlbumTask(capturesID: true),
        ])
    ])

    /// The name under which `albums-by-id` keeps the ids of albums it created.
    static let albumIDCapture = "albumID"

    private static func createAlbumTask(capturesID: Bool) -> LoadTask {
        let request: @Sendable (inout UserContext) -> LoadRequest = { context in
            let number = context.nextCount("album")
            let price = Double(context.randomInteger(in: 100...9_999)) / 100
            let json = #"{"title":"Load test album \#(context.userIndex)-\#(number)","artist":"ScaleLab","price":\#(price)}"#
            return LoadRequest(method: "POST", path: "/albums", json: json, expectedStatuses: [201])
        }
        guard capturesID else { return LoadTask("/albums", request: request) }
        return LoadTask("/albums", request: request) { _, body, context in
            if let id = JSONField.strings(named: ["id"], in: body)["id"] { context.capture(id, as: albumIDCapture) }
        }
    }
}
