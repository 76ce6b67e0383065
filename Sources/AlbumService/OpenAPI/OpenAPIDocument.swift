import Hummingbird

/// The OpenAPI 3.1 description of the album service, served at `GET /openapi.json`.
///
/// Its limits are interpolated from the constants the service checks with; a test proves
/// that its paths, methods, operation ids and response statuses are those of
/// `AlbumAPI.routes`, so the document cannot drift from the routes.
enum OpenAPIDocument {
    /// The document as sent: UTF-8 JSON.
    static let json = ByteBuffer(string: text)

    private static let maximumText = AlbumDraft.maximumTextLength
    private static let maximumPrice = Int(AlbumDraft.maximumPrice)

    /// The document's text.
    static let text = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "ScaleLab album service",
    "version": "1.0.0",
    "description": "The album API of `scalelab serve`: a catalog of albums kept in memory, in a SQLite file or in PostgreSQL (scalelab serve --store). Every error is a JSON object {\"error\": \"<what was wrong and how to fix it>\"}. A known path called with a method it does not list answers 405 with an Allow header; OPTIONS on a known path answers 204 with the Allow header; HEAD works wherever GET does; an unknown path answers 404. A method token the server does not implement at all (e.g. FOO) answers 501 and closes the connection (with --engine router, Hummingbird answers it 400).",
    "license": {
      "name": "Apache-2.0",
      "identifier": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080",
      "description": "scalelab serve with its defaults"
    }
  ],
  "paths": {
    "/albums": {
      "get": {
        "operationId": "listAlbums",
        "summary": "List albums in the order they were added",
        "description": "Without query parameters: every album, as the original service answered. With `limit` or `after`: one page of at most `limit` albums (default \#(AlbumAPI.defaultPageSize), larger values are lowered to \#(AlbumAPI.maximumPageSize)) that follow the album `after`; an `after` that names no album (it was deleted, or never existed) answers 404; a `Link` header with rel=\"next\" points at the next page while more albums follow. The response carries an ETag that changes with every write; send it back in If-None-Match to get 304 while nothing changed.",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Albums per page, 1 or more; values above \#(AlbumAPI.maximumPageSize) are lowered to \#(AlbumAPI.maximumPageSize). Default \#(AlbumAPI.defaultPageSize) when only `after` is given.",
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          },
          {
            "name": "after",
            "in": "query",
            "required": false,
            "description": "The id of the last album of the previous page (taken from the Link header); the page starts after it.",
            "schema": {
              "$ref": "#/components/schemas/AlbumID"
            }
          },
          {
            "name": "If-None-Match",
            "in": "header",
            "required": false,
            "description": "ETags from earlier responses; 304 when one matches the current list.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The albums, or one page of them.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "description": "`</albums?limit=N&after=ID>; rel=\"next\"` while more albums follow this page; absent on the last page and on the whole list.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Album"
                  }
                }
              }
            }
          },
          "304": {
            "description": "The list has not changed since the ETag sent in If-None-Match.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "description": "`after` names no album: it was deleted or never existed. Start again without `after`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/StoreUnavailable"
          }
        }
      },
      "post": {
        "operationId": "addAlbum",
        "summary": "Add an album",
        "description": "Stores the album at the end of the list. Without `id` the server assigns the next free number; a client-chosen `id` that exists answers 409. A request that fails stores nothing.",
        "requestBody": {
          "$ref": "#/components/requestBodies/Album"
        },
        "responses": {
          "201": {
            "description": "The stored album, with its id.",
            "headers": {
              "Location": {
                "description": "The album's URL, `/albums/{id}`.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Album"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "503": {
            "$ref": "#/components/responses/StoreUnavailable"
          }
        }
      }
    },
    "/albums/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "The album's id.",
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "operationId": "getAlbum",
        "summary": "Get one album",
        "responses": {
          "200": {
            "description": "The album.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Album"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/StoreUnavailable"
          }
        }
      },
      "put": {
        "operationId": "replaceAlbum",
        "summary": "Replace an album",
        "description": "Replaces the title, artist and price of an existing album, keeping its place in the list. An `id` in the body is ignored: the URL names the album (RFC 9110, section 9.3.4, lets the server make the two consistent). An unknown id answers 404 (create albums with POST /albums). A request that fails changes nothing.",
        "requestBody": {
          "$ref": "#/components/requestBodies/Album"
        },
        "responses": {
          "200": {
            "description": "The album as now stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Album"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "503": {
            "$ref": "#/components/responses/StoreUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "removeAlbum",
        "summary": "Remove an album",
        "responses": {
          "204": {
            "description": "The album was removed."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/StoreUnavailable"
          }
        }
      }
    },
    "/health": {
      "get": {
        "operationId": "health",
        "summary": "Liveness check",
        "responses": {
          "200": {
            "description": "The service is up.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/StoreUnavailable"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Prometheus metrics",
        "description": "http_requests_total and the histogram http_request_duration_seconds, both labelled by route, method and status, and the gauge albums_stored, in the Prometheus text exposition format 0.0.4.",
        "responses": {
          "200": {
            "description": "The metrics.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/StoreUnavailable"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openAPIDocument",
        "summary": "This document",
        "responses": {
          "200": {
            "description": "The OpenAPI 3.1 description of the service.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "AlbumID": {
        "type": "string",
        "pattern": "^[A-Za-z0-9._~-]{1,\#(AlbumDraft.maximumIDLength)}$",
        "description": "1 to \#(AlbumDraft.maximumIDLength) letters, digits, '-', '.', '_' or '~'.",
        "examples": [
          "1",
          "blue-train"
        ]
      },
      "Album": {
        "type": "object",
        "required": [
          "id",
          "title",
          "artist",
          "price"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/AlbumID"
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": \#(maximumText)
          },
          "artist": {
            "type": "string",
            "minLength": 1,
            "maxLength": \#(maximumText)
          },
          "price": {
            "type": "number",
            "minimum": 0,
            "maximum": \#(maximumPrice)
          }
        },
        "examples": [
          {
            "id": "1",
            "title": "Blue Train",
            "artist": "John Coltrane",
            "price": 56.99
          }
        ]
      },
      "AlbumInput": {
        "type": "object",
        "required": [
          "title",
          "artist",
          "price"
        ],
        "description": "An album as a client sends it. Fields other than these are ignored.",
        "properties": {
          "id": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/AlbumID"
              },
              {
                "type": "null"
              }
            ],
            "description": "On POST, the id to store the album under; absent or null lets the server assign the next free number (null is accepted because the original service, in Go, read it as absent). Ignored on PUT, where the URL names the album."
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": \#(maximumText),
            "pattern": "\\S",
            "description": "Not empty and not only whitespace."
          },
          "artist": {
            "type": "string",
            "minLength": 1,
            "maxLength": \#(maximumText),
            "pattern": "\\S",
            "description": "Not empty and not only whitespace."
          },
          "price": {
            "type": "number",
            "minimum": 0,
            "maximum": \#(maximumPrice),
            "description": "A finite number from 0 to \#(maximumPrice)."
          }
        },
        "examples": [
          {
            "title": "Blue Train",
            "artist": "John Coltrane",
            "price": 56.99
          }
        ]
      },
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string",
            "description": "What was wrong and how to fix it."
          }
        },
        "examples": [
          {
            "error": "Field 'price' must not be negative (got -1.0); send 0 for a free album."
          }
        ]
      },
      "Health": {
        "type": "object",
        "required": [
          "status",
          "albums"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          },
          "albums": {
            "type": "integer",
            "minimum": 0,
            "description": "The number of albums stored."
          }
        }
      }
    },
    "requestBodies": {
      "Album": {
        "required": true,
        "description": "The album as JSON; at most \#(AlbumAPI.maximumBodySize) bytes.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AlbumInput"
            }
          }
        }
      }
    },
    "headers": {
      "ETag": {
        "description": "Identifies this version of the list; it changes with every write and with every start of the server.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Malformed JSON; a missing, null or mistyped field (named in the message); an empty title or artist; a negative, non-finite or absurd price; an invalid id; a bad `limit`.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "No album has this id.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Conflict": {
        "description": "An album already has the id in the body.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "ContentTooLarge": {
        "description": "The body is larger than \#(AlbumAPI.maximumBodySize) bytes (1 MiB).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "StoreUnavailable": {
        "description": "The store's database (--store sqlite:… or postgres://…) is unavailable; the request may not have taken effect. Retry after the seconds in Retry-After. The in-memory store never answers 503.",
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "schema": {
              "type": "integer"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The Content-Type is not JSON (application/json or application/*+json). A request without Content-Type is read as JSON.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    }
  }
}
"""#
}
