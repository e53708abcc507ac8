// RpcResultParser on crafted node answers: exact big integers, nulls, error objects, bad shapes.
#include "solana/rpc/RpcClient.h"
#include "solana/rpc/RpcJson.h"
#include "solana/rpc/RpcResultParser.h"

#include <QJsonObject>

#include <gtest/gtest.h>

#include <limits>

using namespace ovpp::core;

namespace {

QJsonValue result(const char *json)
{
    auto doc = RpcJson::parse(QByteArray("{\"result\":") + json + "}");
    EXPECT_TRUE(doc.ok()) << json;
    return doc.ok() ? doc->object().value("result") : QJsonValue();
}

const char *const Owner = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";

} // namespace

TEST(RpcResultParser, AccountWithLamportsAbove2Pow53AndMaxRentEpoch)
{
    auto info = RpcResultParser::accountInfo(result(
        R"({"context":{"slot":5},"value":{"data":["AQID","base64"],"executable":false,)"
        R"("lamports":9007199254740993,"owner":"TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",)"
        R"("rentEpoch":18446744073709551615,"space":3}})"));
    ASSERT_TRUE(info.ok()) << info.error().detail.toStdString();
    ASSERT_TRUE(info->has_value());
    const OnChainAccount &a = **info;
    EXPECT_EQ(a.lamports, 9007199254740993ull);
    EXPECT_EQ(a.rentEpoch, std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(a.data, QByteArray("\x01\x02\x03", 3));
    EXPECT_EQ(a.owner.toBase58(), Owner);
    EXPECT_EQ(a.space, 3u);
}

TEST(RpcResultParser, MissingAccountIsNulloptNotAnError)
{
    auto info = RpcResultParser::accountInfo(result(R"({"context":{"slot":5},"value":null})"));
    ASSERT_TRUE(info.ok());
    EXPECT_FALSE(info->has_value());
}

TEST(RpcResultParser, BalanceAbove2Pow53)
{
    auto balance = RpcResultParser::contextU64(
        result(R"({"context":{"slot":1},"value":13086426097436981})"), "getBalance");
    ASSERT_TRUE(balance.ok());
    EXPECT_EQ(*balance, 13086426097436981ull);
}

TEST(RpcResultParser, RejectsBadShapes)
{
    EXPECT_FALSE(RpcResultParser::contextU64(result("5"), "getBalance").ok());
    EXPECT_FALSE(
        RpcResultParser::contextU64(result(R"({"context":{},"value":-1})"), "getBalance").ok());
    EXPECT_FALSE(
        RpcResultParser::contextU64(result(R"({"context":{},"value":1.5})"), "getBalance").ok());
    EXPECT_FALSE(
        RpcResultParser::accountInfo(
            result(R"({"context":{},"value":{"data":["AQID","base58"],"lamports":1,)"
                   R"("owner":"TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA","rentEpoch":0}})"))
            .ok());
    EXPECT_FALSE(
        RpcResultParser::latestBlockhash(
            result(R"({"context":{},"value":{"blockhash":"xyz","lastValidBlockHeight":1}})"))
            .ok());
    EXPECT_FALSE(RpcResultParser::signature(result("42"), "sendTransaction").ok());
}

TEST(RpcResultParser, TokenAccountsUseTheStringAmount)
{
    auto accounts = RpcResultParser::tokenAccounts(result(
        R"({"context":{"slot":1},"value":[{"pubkey":"FTxYte5WNMB2BwjagrjUrDbGiegAdWrbfu1eY8TfkKh1",)"
        R"("account":{"data":{"program":"spl-token","parsed":{"info":{"isNative":false,)"
        R"("mint":"2gXh7sVJQ7w43gFdk4wn2xv9oH5rKvGJ3heKc8v1zGM6",)"
        R"("owner":"ASmpNMwSZcpLCGqCTKr6PKtxEpddVSAx1qZAqgodybhq","state":"initialized",)"
        R"("tokenAmount":{"amount":"18446744073709551615","decimals":6,)"
        R"("uiAmount":1.8446744073709552E13,"uiAmountString":"18446744073709.551615"}},)"
        R"("type":"account"},"space":165},"executable":false,"lamports":2039280,)"
        R"("owner":"TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA","rentEpoch":18446744073709551615,)"
        R"("space":165}}]})"));
    ASSERT_TRUE(accounts.ok()) << accounts.error().detail.toStdString();
    ASSERT_EQ(accounts->size(), 1);
    const TokenAccount &t = accounts->first();
    EXPECT_EQ(t.amount, std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(t.decimals, 6);
    EXPECT_EQ(t.state, "initialized");
    EXPECT_EQ(t.mint.toBase58(), "2gXh7sVJQ7w43gFdk4wn2xv9oH5rKvGJ3heKc8v1zGM6");
    EXPECT_EQ(t.program.toBase58(), Owner);
    EXPECT_EQ(t.lamports, 2039280u);
}

TEST(RpcResultParser, StatusesKeepNullsAndErrors)
{
    auto statuses = RpcResultParser::signatureStatuses(result(
        R"({"context":{"slot":9},"value":[null,{"slot":7,"confirmations":null,"err":null,)"
        R"("status":{"Ok":null},"confirmationStatus":"finalized"},{"slot":8,"confirmations":1,)"
        R"("err":{"InstructionError":[0,{"Custom":1}]},"confirmationStatus":"confirmed"}]})"));
    ASSERT_TRUE(statuses.ok()) << statuses.error().detail.toStdString();
    ASSERT_EQ(statuses->size(), 3);
    EXPECT_FALSE(statuses->at(0).has_value());
    ASSERT_TRUE(statuses->at(1).has_value());
    EXPECT_FALSE(statuses->at(1)->confirmations.has_value());
    EXPECT_FALSE(statuses->at(1)->err.has_value());
    EXPECT_EQ(statuses->at(1)->confirmationStatus, "finalized");
    ASSERT_TRUE(statuses->at(2).has_value());
    EXPECT_EQ(statuses->at(2)->confirmations, 1u);
    EXPECT_EQ(statuses->at(2)->err, QString(R"({"InstructionError":[0,{"Custom":1}]})"));
}

TEST(RpcResultParser, FeeForMessageNullMeansExpiredBlockhash)
{
    auto fee = RpcResultParser::contextOptionalU64(result(R"({"context":{"slot":1},"value":null})"),
                                                   "getFeeForMessage");
    ASSERT_TRUE(fee.ok());
    EXPECT_FALSE(fee->has_value());
}

TEST(RpcResultParser, PreflightFailureShowsTheProgramLogs)
{
    auto doc = RpcJson::parse(
        R"({"code":-32002,"message":"Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1",)"
        R"("data":{"err":{"InstructionError":[0,{"Custom":1}]},"logs":["Program 11111111111111111111111111111111 invoke [1]",)"
        R"("Transfer: insufficient lamports 0, need 5"]}})");
    ASSERT_TRUE(doc.ok());
    const Error error = RpcResultParser::rpcError(doc->object(), "sendTransaction");
    EXPECT_EQ(error.code, ErrorCode::InvalidArgument);
    EXPECT_EQ(RpcClient::rpcErrorCode(error), -32002);
    EXPECT_TRUE(error.detail.contains("Transaction simulation failed"))
        << error.detail.toStdString();
    EXPECT_TRUE(error.detail.contains("Transfer: insufficient lamports 0, need 5"));
    EXPECT_TRUE(error.detail.contains("sendTransaction"));
}

TEST(RpcResultParser, UnhealthyNodeIsUnavailable)
{
    auto doc = RpcJson::parse(
        R"({"code":-32005,"message":"Node is behind by 42 slots","data":{"numSlotsBehind":42}})");
    ASSERT_TRUE(doc.ok());
    const Error error = RpcResultParser::rpcError(doc->object(), "getHealth");
    EXPECT_EQ(error.code, ErrorCode::Unavailable);
    EXPECT_EQ(RpcClient::rpcErrorCode(error), -32005);
    EXPECT_FALSE(RpcClient::rpcErrorCode(makeError(ErrorCode::Unavailable, "timeout")).has_value());
}
