#pragma once

// Bytes that must not leak: held in sodium_malloc'd memory (guard pages, no swap where the OS
// allows, canary), wiped with sodium_memzero when destroyed or cleared. Move-only on purpose:
// every copy of a secret is one more place to wipe. Never convert to QString/QVariant.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ovpp::core {

class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size); // zero-filled
    SecretBytes(const std::uint8_t *data, std::size_t size);
    static SecretBytes fromView(std::string_view text);
    ~SecretBytes();

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    // An explicit copy, for the rare place that needs two independent secrets.
    SecretBytes clone() const;

    std::uint8_t *data() { return m_data; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::span<std::uint8_t> span() { return {m_data, m_size}; }
    std::span<const std::uint8_t> span() const { return {m_data, m_size}; }
    std::string_view view() const { return {reinterpret_cast<const char *>(m_data), m_size}; }

    // A new secret holding bytes [offset, offset + length).
    SecretBytes slice(std::size_t offset, std::size_t length) const;
    // Concatenation without an intermediate unprotected buffer.
    static SecretBytes concat(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

    // Constant-time comparison.
    bool equals(std::span<const std::uint8_t> other) const;

    // Wipes and frees; the object becomes empty.
    void clear();

private:
    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes a buffer that briefly held a secret outside SecretBytes (a QString from a text field,
// a QByteArray read from a file). Best effort: Qt may have made copies we cannot reach.
void wipe(void *data, std::size_t size);

} // namespace ovpp::core
