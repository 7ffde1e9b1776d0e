import Testing

@testable import CurbsideSimulator

@Suite("Portal router")
struct PortalRouterTests {
    private func get(_ target: String, _ datasets: [SimulatedDataset]? = nil) throws -> SimulatedResponse {
        PortalRouter(datasets: try datasets ?? [SimulatorFixtures.tiny()]).response(method: "GET", target: target)
    }

    @Test("serves every row's original bytes, joined like the real portal")
    func wholeDataset() throws {
        let response = try get("/resource/tiny-0001.json")
        #expect(response.status == 200)
        #expect(response.bodyText == SimulatorFixtures.tinyRowsText + "\n")
    }

    @Test("answers a query that matches nothing with an empty array")
    func emptyResult() throws {
        let response = try get("/resource/tiny-0001.json?$where=name%3D%27nobody%27")
        #expect(response.status == 200)
        #expect(response.bodyText == "[]\n")
    }

    @Test("decodes the query: %XX, + as space, '' inside strings")
    func decoding() throws {
        let response = try get("/resource/tiny-0001.json?%24where=name+%3D+%27O%27%27Brien%27+OR+id+in+(%272%27)")
        #expect(try SimulatorFixtures.rowTexts(of: response.bodyText).count == 2)
    }

    @Test("sends the portal's headers: content type, fields and types, last modified")
    func headers() throws {
        let response = try get("/resource/tiny-0001.json?$limit=1")
        #expect(response.header("content-type") == "application/json;charset=utf-8")
        #expect(response.header("X-SODA2-Fields") == #"["id","name","amount","day","link"]"#)
        #expect(response.header("X-SODA2-Types") == #"["text","text","number","text","url"]"#)
        #expect(response.header("Last-Modified") == "Sat, 14 Feb 2026 10:20:25 GMT")
    }

    @Test("$select returns the chosen fields in order, :id only when asked")
    func selection() throws {
        let response = try get("/resource/tiny-0001.json?$select=name,:id,link&$where=id%20in('1','4')")
        let first = SystemID.forIndex(0)
        let fourth = SystemID.forIndex(3)
        #expect(
            response.bodyText
                == "[{\"name\":\"alpha\",\":id\":\"\(first)\",\"link\":{\"url\": \"http://x/1\"}}\n,{\":id\":\"\(fourth)\"}]\n"
        )
        #expect(response.header("X-SODA2-Fields") == #"["name",":id","link"]"#)
        #expect(response.header("X-SODA2-Types") == #"["text","row_identifier","url"]"#)
    }

    @Test("pages 1,000 rows by default and refuses a $limit over 50,000")
    func limits() throws {
        let rows = (0..<1200).map { "{\"n\":\"\($0)\"}" }.joined(separator: ",")
        let big = try SimulatedDataset(
            id: "big0-0001", name: "Big", rowsJSON: Array("[\(rows)]".utf8), rowsUpdatedAt: 0)
        #expect(try SimulatorFixtures.rowTexts(of: try get("/resource/big0-0001.json", [big]).bodyText).count == 1000)
        let last = try get("/resource/big0-0001.json?$limit=50000&$offset=1150", [big])
        #expect(try SimulatorFixtures.rowTexts(of: last.bodyText).count == 50)
        let refused = try get("/resource/big0-0001.json?$limit=50001", [big])
        #expect(refused.status == 400)
        #expect(
            refused.bodyText
                == #"{"code":"query.soql.invalid-parameter","error":true,"message":"$limit must be at most 50000, not 50001; page with $offset"}"#
        )
    }

    @Test("pages ordered by :id concatenate to the whole dataset with no duplicates")
    func pagingIsStable() throws {
        let dataset = try SimulatorFixtures.nycSample()
        let original = try SimulatorFixtures.rowTexts(of: String(decoding: dataset.rowsJSON, as: UTF8.self))
        var collected: [String] = []
        var offset = 0
        while true {
            let page = try get("/resource/nc67-uf89.json?$order=:id&$limit=137&$offset=\(offset)", [dataset])
            let rows = try SimulatorFixtures.rowTexts(of: page.bodyText)
            collected += rows
            offset += 137
            if rows.count < 137 { break }
        }
        #expect(collected.count == 1000)
        #expect(Set(collected).count == Set(original).count)
        #expect(Set(collected) == Set(original))
        #expect(collected != original)  // :id order is not load order, so this tests the ordering too
    }

    @Test("refuses an unknown column with the portal's 400 body")
    func unknownColumn() throws {
        let response = try get("/resource/tiny-0001.json?$where=colour%3D%27red%27")
        #expect(response.status == 400)
        #expect(response.header("content-type") == "application/json;charset=utf-8")
        #expect(
            response.bodyText
                == #"{"code":"query.soql.no-such-column","error":true,"message":"No such column: colour; position: Map(row -> 1, column -> 1, line -> \"colour='red'\")"}"#
        )
    }

    @Test("refuses a malformed query with the portal's 400 body")
    func malformed() throws {
        let response = try get("/resource/tiny-0001.json?$where=name%3D")
        #expect(response.status == 400)
        #expect(
            response.bodyText
                == #"{"code":"query.compiler.malformed","error":true,"message":"Could not parse SoQL query \"name=\" at line 1 character 6: Expected an expression, but got end of input"}"#
        )
    }

    @Test(
        "answers 404 with the portal's body for an unknown dataset or path",
        arguments: [
            ("/resource/nope-0000.json", "Dataset nope-0000 not found"),
            ("/api/views/nope-0000.json", "Dataset nope-0000 not found"),
            ("/resource/", "No route for /resource/"),
            ("/elsewhere", "No route for /elsewhere"),
        ])
    func notFound(target: String, message: String) throws {
        let response = try get(target)
        #expect(response.status == 404)
        #expect(response.bodyText == #"{"code":"not_found","error":true,"message":""# + message + #""}"#)
    }

    @Test("describes a dataset at /api/views/<id>.json")
    func metadata() throws {
        let response = try get("/api/views/tiny-0001.json")
        #expect(response.status == 200)
        #expect(
            response.bodyText
                == #"{"id":"tiny-0001","name":"Tiny","rowsUpdatedAt":1771064425,"columns":[{"fieldName":"id","dataTypeName":"text"},{"fieldName":"name","dataTypeName":"text"},{"fieldName":"amount","dataTypeName":"number"},{"fieldName":"day","dataTypeName":"text"},{"fieldName":"link","dataTypeName":"url"}]}"#
        )
    }

    @Test("refuses unsupported parameters and methods")
    func refusals() throws {
        #expect(try get("/resource/tiny-0001.json?$group=name").status == 400)
        #expect(try get("/resource/tiny-0001.json?$bogus=1").status == 400)
        #expect(try get("/resource/tiny-0001.json?$limit=ten").status == 400)
        #expect(try get("/resource/tiny-0001.json?$$app_token=abc").status == 200)
        let post = PortalRouter(datasets: [try SimulatorFixtures.tiny()]).response(method: "POST", target: "/")
        #expect(post.status == 405)
    }
}
