#include "SecretBytes.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace ovpp::core {

namespace {

std::uint8_t *allocate(std::size_t size)
{
    if (size == 0)
        return nullptr;
    if (sodium_init() < 0)
        std::abort(); // libsodium cannot work at all: nothing secret can be handled safely
    auto *p = static_cast<std::uint8_t *>(sodium_malloc(size));
    if (!p)
        throw std::bad_alloc();
    return p;
}

} // namespace

SecretBytes::SecretBytes(std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
    if (m_data)
        sodium_memzero(m_data, m_size);
}

SecretBytes::SecretBytes(const std::uint8_t *data, std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
    if (m_data)
        std::memcpy(m_data, data, size);
}

SecretBytes SecretBytes::fromView(std::string_view text)
{
    return SecretBytes(reinterpret_cast<const std::uint8_t *>(text.data()), text.size());
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{ }

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::clone() const
{
    return SecretBytes(m_data, m_size);
}

SecretBytes SecretBytes::slice(std::size_t offset, std::size_t length) const
{
    if (offset > m_size || length > m_size - offset)
        return {};
    return SecretBytes(m_data + offset, length);
}

SecretBytes SecretBytes::concat(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b)
{
    SecretBytes out(a.size() + b.size());
    if (!a.empty())
        std::memcpy(out.data(), a.data(), a.size());
    if (!b.empty())
        std::memcpy(out.data() + a.size(), b.data(), b.size());
    return out;
}

bool SecretBytes::equals(std::span<const std::uint8_t> other) const
{
    if (other.size() != m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.data(), m_size) == 0;
}

void SecretBytes::clear()
{
    if (m_data) {
        sodium_memzero(m_data, m_size);
        sodium_free(m_data);
    }
    m_data = nullptr;
    m_size = 0;
}

void wipe(void *data, std::size_t size)
{
    if (data && size)
        sodium_memzero(data, size);
}

} // namespace ovpp::core
